using ClinicBlog.Core.Data;
using ClinicBlog.Core.Posts;

namespace ClinicBlog.Core.Comments;

/// <summary>A reader's comment on a post, or a reply to one (one level deep).</summary>
public class Comment : ITimestamped
{
    public int Id { get; set; }

    public int PostId { get; set; }

    public Post Post { get; set; } = null!;

    /// <summary>The top-level comment this one replies to, if any.</summary>
    public int? ParentId { get; set; }

    public Comment? Parent { get; set; }

    public List<Comment> Replies { get; } = [];

    public required string AuthorName { get; set; }

    /// <summary>Optional, kept for moderation and contact only; never shown to readers.</summary>
    public string? AuthorEmail { get; set; }

    /// <summary>The Markdown source the commenter wrote.</summary>
    public required string Body { get; set; }

    /// <summary>The sanitized HTML rendered from <see cref="Body"/> with the comment allow-list.</summary>
    public required string BodyHtml { get; set; }

    public CommentStatus Status { get; set; }

    /// <summary>Where an import took this from (the old site and its id there, such as
    /// <c>oldclinic.example/post/123</c>), so importing the same export again recognises it.</summary>
    public string? ImportKey { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public DateTime? ModeratedAt { get; set; }

    /// <summary>The staff user who last moderated it.</summary>
    public string? ModeratedById { get; set; }

    /// <summary>Why a rule held or rejected it, for the moderation queue.</summary>
    public string? ModerationReason { get; set; }

    /// <summary>Crisis words were found: never auto-published nor auto-deleted, shown first in the queue.</summary>
    public bool IsUrgent { get; set; }

    /// <summary>Written by staff from the moderation queue, shown as from the clinic.</summary>
    public bool IsFromStaff { get; set; }

    /// <summary>When staff were told about it while it was held (urgent at once, others in a digest).</summary>
    public DateTime? HeldNotifiedAt { get; set; }

    /// <summary>A salted hash of the sender's IP address: enough to spot abuse, not to identify.</summary>
    public string? IpHash { get; set; }
}
