namespace ClinicBlog.Core.Posts;

/// <summary>A post as it appears in a list.</summary>
public sealed record PostSummary(
    int Id,
    string Title,
    string Slug,
    string? Summary,
    DateTime PublishedAt,
    int ReadingMinutes,
    AuthorByline Author,
    IReadOnlyList<TagLink> Tags)
{
    /// <summary>The cover image, when the post has one.</summary>
    public CoverImage? Cover { get; init; }
}
