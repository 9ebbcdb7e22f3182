using ClinicBlog.Core.Comments;
using ClinicBlog.Core.Posts;

namespace ClinicBlog.Web.Areas.Admin.Models;

public sealed record ModerationQueueViewModel(
    CommentStatus Status,
    IReadOnlyDictionary<CommentStatus, int> Counts,
    PagedList<QueuedComment> Comments,
    string? Message,
    bool SingleComment = false);

public sealed record RedactionViewModel(QueuedComment Comment, string? Passage);

public sealed record DeleteConfirmationViewModel(IReadOnlyList<QueuedComment> Comments, CommentStatus ReturnTo);

public sealed record StaffReplyViewModel(QueuedComment Comment, IReadOnlyList<CannedReply> CannedReplies, StaffReplyForm Form);

/// <summary>The "reply as staff" form.</summary>
public sealed class StaffReplyForm
{
    public string? Body { get; set; }

    /// <summary>Index of a canned reply to use instead of typing.</summary>
    public int? Canned { get; set; }
}

/// <summary>The "ban this sender" form.</summary>
public sealed class BanForm
{
    public string? Reason { get; set; }

    /// <summary>Days the ban lasts; empty for no end.</summary>
    public int? Days { get; set; }
}
