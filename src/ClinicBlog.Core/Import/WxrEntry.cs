namespace ClinicBlog.Core.Import;

/// <summary>One top-level element of a WordPress export (WXR), with the line it starts on.</summary>
public abstract record WxrEntry(int Line);

/// <summary>The old site's address (<c>wp:base_site_url</c> / <c>wp:base_blog_url</c>).</summary>
public sealed record WxrSite(int Line, string Url) : WxrEntry(Line);

/// <summary>A WordPress user who wrote something (<c>wp:author</c>).</summary>
public sealed record WxrAuthor(int Line, string Login, string? Email, string DisplayName) : WxrEntry(Line);

/// <summary>A category or tag (<c>wp:category</c>, <c>wp:tag</c>, or <c>wp:term</c> of those taxonomies).</summary>
public sealed record WxrTerm(int Line, string Slug, string Name) : WxrEntry(Line);

/// <summary>A post, page, attachment or anything else WordPress keeps as a post (<c>item</c>).</summary>
public sealed record WxrItem(int Line) : WxrEntry(Line)
{
    public long Id { get; init; }

    public string Title { get; init; } = string.Empty;

    public string? Link { get; init; }

    public string PostType { get; init; } = "post";

    public string Status { get; init; } = "draft";

    public string? Name { get; init; }

    public string? Creator { get; init; }

    public string Content { get; init; } = string.Empty;

    public string? Excerpt { get; init; }

    public string? Password { get; init; }

    public DateTime? DateGmt { get; init; }

    public DateTime? Date { get; init; }

    public string? AttachmentUrl { get; init; }

    public long? ThumbnailId { get; init; }

    public bool CommentsOpen { get; init; } = true;

    /// <summary>The item's categories and tags: (slug, name).</summary>
    public IReadOnlyList<(string Slug, string Name)> Terms { get; init; } = [];

    public IReadOnlyList<WxrComment> Comments { get; init; } = [];
}

/// <summary>A comment of an item (<c>wp:comment</c>).</summary>
public sealed record WxrComment(int Line)
{
    public long Id { get; init; }

    public long ParentId { get; init; }

    public string AuthorName { get; init; } = string.Empty;

    public string? AuthorEmail { get; init; }

    public string? AuthorIp { get; init; }

    public DateTime? DateGmt { get; init; }

    public DateTime? Date { get; init; }

    public string Content { get; init; } = string.Empty;

    /// <summary><c>1</c>, <c>0</c>, <c>spam</c>, <c>trash</c> or <c>post-trashed</c>.</summary>
    public string Approved { get; init; } = "0";

    /// <summary>Empty or <c>comment</c> for a reader's comment; <c>pingback</c>, <c>trackback</c> otherwise.</summary>
    public string Type { get; init; } = string.Empty;
}
