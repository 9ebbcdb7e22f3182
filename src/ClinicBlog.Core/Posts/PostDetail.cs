namespace ClinicBlog.Core.Posts;

/// <summary>A post as its own page shows it.</summary>
public sealed record PostDetail(
    int Id,
    string Title,
    string Slug,
    string? Summary,
    string BodyHtml,
    DateTime PublishedAt,
    DateTime UpdatedAt,
    int ReadingMinutes,
    AuthorByline Author,
    AuthorByline? Reviewer,
    DateTime? ReviewedAt,
    bool CommentsOpen,
    IReadOnlyList<TagLink> Tags)
{
    /// <summary>The text changed after the medical review: the review line says so.</summary>
    public bool ReviewIsStale { get; init; }

    public CoverImage? Cover { get; init; }

    /// <summary>Brought in from the clinic's previous site (an import): without a review here, the page says so.</summary>
    public bool Imported { get; init; }

    /// <summary>Published comments: top-level ones and replies to published ones.</summary>
    public int CommentCount => TopLevelCommentCount + ReplyCount;

    /// <summary>Published top-level comments (the comment pages count these).</summary>
    public int TopLevelCommentCount { get; init; }

    /// <summary>Published replies to published comments.</summary>
    public int ReplyCount { get; init; }

    /// <summary>True when the post changed noticeably after it was published (a later day).</summary>
    public bool WasUpdated => UpdatedAt.Date > PublishedAt.Date;
}
