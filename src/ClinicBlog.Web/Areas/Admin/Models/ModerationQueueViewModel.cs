using ClinicBlog.Core.Comments;
using ClinicBlog.Core.Paging;
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

public sealed record StaffReplyViewModel(QueuedComment Comment, IReadOnlyList<CannedReply> CannedReplies, StaffReplyForm Form)
{
    /// <summary>Admins and Editors may ban the sender (a ban holds on every post).</summary>
    public bool CanBan { get; init; }

    public BanForm Ban { get; init; } = new();
}
