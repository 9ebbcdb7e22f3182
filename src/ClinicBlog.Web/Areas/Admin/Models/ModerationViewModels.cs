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

public sealed record StaffReplyViewModel(QueuedComment Comment, IReadOnlyList<CannedReply> CannedReplies, StaffReplyForm Form)
{
    /// <summary>Admins and Editors may ban the sender (a ban holds on every post).</summary>
    public bool CanBan { get; init; }

    public BanForm Ban { get; init; } = new();
}

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

    /// <summary>Days the ban lasts, as typed; empty for no end (read as text, so a wrong value is
    /// shown back with a message instead of silently becoming a ban without end).</summary>
    public string? Days { get; set; }

    /// <summary>The days as a number: null for empty; false when it is not a whole number of days in range.</summary>
    public bool TryReadDays(out int? days)
    {
        days = null;
        if (string.IsNullOrWhiteSpace(Days))
        {
            return true;
        }

        if (int.TryParse(Days.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
            && value is >= 1 and <= Core.Comments.CommenterBan.MaxDays)
        {
            days = value;
            return true;
        }

        return false;
    }
}
