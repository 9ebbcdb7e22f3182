namespace ClinicBlog.Core.Authors;

/// <summary>The author profile form.</summary>
public class AuthorInput
{
    public string? DisplayName { get; set; }

    public string? Slug { get; set; }

    public string? Credentials { get; set; }

    public string? Bio { get; set; }

    public string? Photo { get; set; }

    /// <summary>Takes every field of <paramref name="other"/> (a page's view model extends the form it shows).</summary>
    public void CopyFrom(AuthorInput other)
    {
        ArgumentNullException.ThrowIfNull(other);
        DisplayName = other.DisplayName;
        Slug = other.Slug;
        Credentials = other.Credentials;
        Bio = other.Bio;
        Photo = other.Photo;
    }
}
