namespace ClinicBlog.Core.Posts;

/// <summary>A tag as a link.</summary>
public sealed record TagLink(string Name, string Slug);
