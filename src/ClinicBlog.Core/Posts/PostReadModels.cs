namespace ClinicBlog.Core.Posts;

/// <summary>The byline readers see: name, credentials and a link to the author page.</summary>
public sealed record AuthorByline(string DisplayName, string Slug, string? Credentials);

/// <summary>A tag as a link.</summary>
public sealed record TagLink(string Name, string Slug);

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

/// <summary>A post's cover image: its file under /media/ and its size, so pages can reserve the space.</summary>
public sealed record CoverImage(string FileName, int Width, int Height);

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

    /// <summary>Published comments: top-level ones and replies to published ones.</summary>
    public int CommentCount { get; init; }

    /// <summary>Published top-level comments (the comment pages count these).</summary>
    public int TopLevelCommentCount { get; init; }

    /// <summary>True when the post changed noticeably after it was published (a later day).</summary>
    public bool WasUpdated => UpdatedAt.Date > PublishedAt.Date;
}

/// <summary>One page of a list, with what is needed to link to its neighbours.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount)
{
    public int TotalPages => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);

    public bool HasPrevious => Page > 1;

    public bool HasNext => Page < TotalPages;

    /// <summary>True when the page asked for lies past the end (page 1 of an empty list exists).</summary>
    public bool IsOutOfRange => Page > TotalPages;
}

/// <summary>A post as a feed carries it: full sanitized content and dates.</summary>
public sealed record FeedItem(
    int Id, string Title, string Slug, string? Summary, string BodyHtml, DateTime PublishedAt, DateTime UpdatedAt,
    string AuthorName, string? AuthorCredentials, IReadOnlyList<string> Tags);

/// <summary>A post in the archive or a related-posts list.</summary>
public sealed record ArchiveEntry(string Title, string Slug, DateTime PublishedAt);
