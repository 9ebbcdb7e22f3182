using ClinicBlog.Core.Comments;
using ClinicBlog.Core.Posts;

namespace ClinicBlog.Web.Models;

public sealed record PostPageViewModel(PostDetail Post, CommentThread Comments, string MedicalDisclaimer, string? CrisisNotice)
{
    /// <summary>Whether the post takes comments now (open on the post and not past the closing age).</summary>
    public bool CommentsOpen { get; init; }

    /// <summary>What the comment form shows: empty, or what the reader typed when it was refused.</summary>
    public CommentFormModel Form { get; init; } = new();

    /// <summary>The comment being replied to, when the reader chose "Reply".</summary>
    public PublicComment? ReplyingTo { get; init; }

    /// <summary>Posts sharing tags with this one.</summary>
    public IReadOnlyList<ArchiveEntry> Related { get; init; } = [];

    /// <summary>The structured data (JSON-LD) for search engines, already serialized and escaped.</summary>
    public string? JsonLd { get; init; }

    /// <summary>True right after a comment was accepted (the redirect carries <c>?comment=pending</c>).</summary>
    public bool JustCommented { get; init; }
}
