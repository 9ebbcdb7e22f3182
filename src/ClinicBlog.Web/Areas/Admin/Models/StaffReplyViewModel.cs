using ClinicBlog.Core.Comments;

namespace ClinicBlog.Web.Areas.Admin.Models;

/// <summary>The "reply as staff" page: the comment, the ready-made replies, the reply as typed (fields
/// named by <c>asp-for</c> as the form posts them) and the ban form.</summary>
public sealed class StaffReplyViewModel : StaffReplyForm
{
    public StaffReplyViewModel(QueuedComment comment, IReadOnlyList<CannedReply> cannedReplies, StaffReplyForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        Comment = comment;
        CannedReplies = cannedReplies;
        Body = form.Body;
        Canned = form.Canned;
    }

    public QueuedComment Comment { get; }

    public IReadOnlyList<CannedReply> CannedReplies { get; }

    /// <summary>Admins and Editors may ban the sender (a ban holds on every post).</summary>
    public bool CanBan { get; init; }

    public BanFormViewModel Ban { get; init; } = new(0, new BanForm());
}
