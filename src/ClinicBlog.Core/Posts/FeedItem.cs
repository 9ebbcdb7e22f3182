namespace ClinicBlog.Core.Posts;

/// <summary>A post as a feed carries it: full sanitized content and dates.</summary>
public sealed record FeedItem(
    int Id, string Title, string Slug, string? Summary, string BodyHtml, DateTime PublishedAt, DateTime UpdatedAt,
    string AuthorName, string? AuthorCredentials, IReadOnlyList<string> Tags);
