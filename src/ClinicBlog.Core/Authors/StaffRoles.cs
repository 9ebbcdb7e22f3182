namespace ClinicBlog.Core.Authors;

/// <summary>The staff roles. Admins manage everything; Editors publish anyone's posts; Authors write
/// their own; Reviewers are clinicians who sign off medical content.</summary>
public static class StaffRoles
{
    public const string Admin = "Admin";
    public const string Editor = "Editor";
    public const string Author = "Author";
    public const string Reviewer = "Reviewer";

    public static IReadOnlyList<string> All { get; } = [Admin, Editor, Author, Reviewer];
}
