using ClinicBlog.Core.Media;
using ClinicBlog.Core.Authors;
using ClinicBlog.Core.Comments;
using ClinicBlog.Core.Content;
using ClinicBlog.Core.Data;

namespace ClinicBlog.Core.Posts;

/// <summary>An article. The Markdown body is rendered to HTML once on save and stored.</summary>
public class Post : ITimestamped
{
    public const int TitleMaxLength = 200;
    public const int SummaryMaxLength = 500;
    public const int BodyMaxLength = 200_000;

    public int Id { get; set; }

    public required string Title { get; set; }

    public required string Slug { get; set; }

    /// <summary>The subtitle shown under the title and in lists.</summary>
    public string? Summary { get; set; }

    /// <summary>The Markdown source, as the author wrote it.</summary>
    public required string Body { get; set; }

    /// <summary>The sanitized HTML rendered from <see cref="Body"/>.</summary>
    public required string BodyHtml { get; set; }

    /// <summary>What readers see of <see cref="BodyHtml"/> as plain text: no markup, nothing the
    /// sanitizer removed (HTML comments, scripts, attributes). Search indexes this, not the Markdown.</summary>
    public string SearchText { get; set; } = string.Empty;

    /// <summary>Estimated minutes to read <see cref="Body"/>, computed on save.</summary>
    public int ReadingMinutes { get; set; } = 1;

    public PostStatus Status { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>When readers first saw it, or will (for a scheduled post).</summary>
    public DateTime? PublishedAt { get; set; }

    /// <summary>Where an import took this from (the old site and its id there, such as
    /// <c>oldclinic.example/post/123</c>), so importing the same export again recognises it.</summary>
    public string? ImportKey { get; set; }

    public int AuthorId { get; set; }

    public Author Author { get; set; } = null!;

    /// <summary>The clinician who signed off the medical content, if any.</summary>
    public int? ReviewerId { get; set; }

    public Author? Reviewer { get; set; }

    public DateTime? ReviewedAt { get; set; }

    public bool CommentsOpen { get; set; } = true;

    /// <summary>The <see cref="PostContent.Fingerprint"/> of the text a reviewer signed off (title, summary,
    /// body, tags, cover image). The review line shows only while it is the live text's.</summary>
    public string? ReviewedContentHash { get; set; }

    /// <summary>True when the live text is not the text the review covers (changed with review not
    /// required, or reviewed before): the page then says it has not been reviewed since.</summary>
    public bool ReviewIsStale { get; set; }

    /// <summary>Staff edits to a live post waiting for review (a revision readers do not see), or null.</summary>
    public int? PendingRevisionId { get; set; }

    /// <summary>The first revision of the current pending changes: who wrote any of them may not sign them off.</summary>
    public int? PendingSinceRevisionId { get; set; }

    /// <summary>When the text (live, draft or pending) last changed; a recorded review date cannot be earlier.</summary>
    public DateTime? TextChangedAt { get; set; }

    /// <summary>When the author submitted the post for review and publication; cleared on publication.</summary>
    public DateTime? SubmittedAt { get; set; }

    /// <summary>When readers last saw a change of title, summary or body (shown as "Last updated").</summary>
    public DateTime? ContentUpdatedAt { get; set; }

    /// <summary>The cover image (a media file name under /media/), for lists and social previews.</summary>
    public string? CoverImage { get; set; }

    public int? CoverImageWidth { get; set; }

    public int? CoverImageHeight { get; set; }

    /// <summary>The widths of the cover image's smaller copies, for <c>srcset</c>.</summary>
    public string? CoverImageVariantWidths { get; set; }

    /// <summary>Changed on every save, so two editors cannot silently overwrite each other.</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public List<Tag> Tags { get; } = [];

    /// <summary>What readers see of this post (its <see cref="Tags"/> must be loaded).</summary>
    public PostContent Content() =>
        new(Title, Slug, Summary, Body, Tags.Select(t => t.Name).Order(StringComparer.OrdinalIgnoreCase).ToList(), CoverImage);

    /// <summary>True while the review covers exactly the live text.</summary>
    public bool ReviewCoversLiveText => ReviewedContentHash is not null && !ReviewIsStale;

    /// <summary>Sets the Markdown body and everything derived from it: the sanitized HTML, the text
    /// search indexes and the reading time.</summary>
    /// <param name="markdown">The body as written.</param>
    /// <param name="renderer">The post renderer.</param>
    /// <param name="images">The uploaded images the body shows, by file name: given their size and smaller copies.</param>
    public void SetBody(string markdown, MarkdownRenderer renderer, IReadOnlyDictionary<string, ResponsiveImage>? images = null)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        Body = markdown ?? string.Empty;
        BodyHtml = renderer.RenderPost(Body, images);
        SearchText = MarkdownRenderer.VisibleText(BodyHtml);
        ReadingMinutes = ReadingTime.Minutes(Body);
    }

    public List<Comment> Comments { get; } = [];
}
