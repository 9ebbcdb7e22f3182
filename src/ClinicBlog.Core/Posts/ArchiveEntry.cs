namespace ClinicBlog.Core.Posts;

/// <summary>A post in the archive or a related-posts list.</summary>
public sealed record ArchiveEntry(string Title, string Slug, DateTime PublishedAt);
