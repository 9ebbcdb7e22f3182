namespace ClinicBlog.Core.Posts;

/// <summary>The byline readers see: name, credentials and a link to the author page.</summary>
public sealed record AuthorByline(string DisplayName, string Slug, string? Credentials);
