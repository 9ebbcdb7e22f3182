namespace ClinicBlog.Core.Authors;

/// <summary>The form to create a staff account or change its role and author profile.</summary>
public class StaffInput
{
    public string? Email { get; set; }

    public string? Role { get; set; }

    /// <summary>An existing author profile to write as; when empty, <see cref="NewAuthorName"/> creates one.</summary>
    public int? AuthorId { get; set; }

    public string? NewAuthorName { get; set; }

    /// <summary>Takes every field of <paramref name="other"/> (a page's view model extends the form it shows).</summary>
    public void CopyFrom(StaffInput other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Email = other.Email;
        Role = other.Role;
        AuthorId = other.AuthorId;
        NewAuthorName = other.NewAuthorName;
    }
}
