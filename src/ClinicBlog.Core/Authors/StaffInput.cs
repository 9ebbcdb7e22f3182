namespace ClinicBlog.Core.Authors;

/// <summary>The form to create a staff account or change its role and author profile.</summary>
public sealed class StaffInput
{
    public string? Email { get; set; }

    public string? Role { get; set; }

    /// <summary>An existing author profile to write as; when empty, <see cref="NewAuthorName"/> creates one.</summary>
    public int? AuthorId { get; set; }

    public string? NewAuthorName { get; set; }
}
