namespace ClinicBlog.Core.Authors;

/// <summary>The staff roles. Admins manage everything; Editors publish anyone's posts; Authors write
/// their own; Reviewers are clinicians who sign off medical content.</summary>
public static class StaffRoles
{
    public const string Admin = "Admin";
    public const string Editor = "Editor";
    public const string Author = "Author";
    public const string Reviewer = "Reviewer";

    /// <summary>Every staff role, in the form <c>[Authorize(Roles = ...)]</c> takes.</summary>
    public const string AnyStaff = Admin + "," + Editor + "," + Author + "," + Reviewer;

    /// <summary>The roles that act on everyone's content.</summary>
    public const string AdminOrEditor = Admin + "," + Editor;

    public static IReadOnlyList<string> All { get; } = [Admin, Editor, Author, Reviewer];
}
