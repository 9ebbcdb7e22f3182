using ClinicBlog.Core.Authors;
using ClinicBlog.Core.Comments;
using ClinicBlog.Core.Data;

namespace ClinicBlog.Core.Posts;

/// <summary>An article. The Markdown body is rendered to HTML once on save and stored.</summary>
public class Post : ITimestamped
{
    public int Id { get; set; }

    public required string Title { get; set; }

    public required string Slug { get; set; }

    /// <summary>The subtitle shown under the title and in lists.</summary>
    public string? Summary { get; set; }

    /// <summary>The Markdown source, as the author wrote it.</summary>
    public required string Body { get; set; }

    /// <summary>The sanitized HTML rendered from <see cref="Body"/>.</summary>
    public required string BodyHtml { get; set; }

    /// <summary>Estimated minutes to read <see cref="Body"/>, computed on save.</summary>
    public int ReadingMinutes { get; set; } = 1;

    public PostStatus Status { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>When readers first saw it, or will (for a scheduled post).</summary>
    public DateTime? PublishedAt { get; set; }

    public int AuthorId { get; set; }

    public Author Author { get; set; } = null!;

    /// <summary>The clinician who signed off the medical content, if any.</summary>
    public int? ReviewerId { get; set; }

    public Author? Reviewer { get; set; }

    public DateTime? ReviewedAt { get; set; }

    public bool CommentsOpen { get; set; } = true;

    /// <summary>Changed on every save, so two editors cannot silently overwrite each other.</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public List<Tag> Tags { get; } = [];

    public List<Comment> Comments { get; } = [];
}
