namespace ClinicBlog.Core.Authors;

/// <summary>An author's public profile.</summary>
public sealed record AuthorProfile(int Id, string DisplayName, string Slug, string? Credentials, string? Bio, string? Photo = null);
