namespace ClinicBlog.Core.Authors;

/// <summary>The author profile form.</summary>
public sealed class AuthorInput
{
    public string? DisplayName { get; set; }

    public string? Slug { get; set; }

    public string? Credentials { get; set; }

    public string? Bio { get; set; }

    public string? Photo { get; set; }
}
