using ClinicBlog.Core.Authors;
using ClinicBlog.Core.Comments;
using ClinicBlog.Core.Posts;

namespace ClinicBlog.Core.Audit;

/// <summary>Everything the audit log records, each with the code stored in <see cref="AuditEntry.Action"/>
/// (kept stable: old rows and the audit page read it) and the kind of thing it is about.</summary>
public sealed class AuditAction
{
    private AuditAction(string code, string subject)
    {
        Code = code;
        Subject = subject;
    }

    /// <summary>Stored in <see cref="AuditEntry.Action"/>, such as "post.published".</summary>
    public string Code { get; }

    /// <summary>Stored in <see cref="AuditEntry.EntityType"/>.</summary>
    public string Subject { get; }

    public override string ToString() => Code;

    public static readonly AuditAction SeedApplied = new("seed.applied", nameof(Post));

    public static readonly AuditAction PostCreated = new("post.created", nameof(Post));
    public static readonly AuditAction PostUpdated = new("post.updated", nameof(Post));
    public static readonly AuditAction PostSubmitted = new("post.submitted", nameof(Post));
    public static readonly AuditAction PostDeleted = new("post.deleted", nameof(Post));
    public static readonly AuditAction PostRevisionRestored = new("post.revision-restored", nameof(Post));
    public static readonly AuditAction PostChangesSaved = new("post.changes-saved", nameof(Post));
    public static readonly AuditAction PostChangesWithdrawn = new("post.changes-withdrawn", nameof(Post));
    public static readonly AuditAction PostChangesPublished = new("post.changes-published", nameof(Post));
    public static readonly AuditAction PostChangesDiscarded = new("post.changes-discarded", nameof(Post));
    public static readonly AuditAction PostReviewed = new("post.reviewed", nameof(Post));
    public static readonly AuditAction PostReviewRefused = new("post.review-refused", nameof(Post));
    public static readonly AuditAction PostReviewRecorded = new("post.review-recorded", nameof(Post));

    /// <summary>A post moved to a status: "post.draft", "post.published", "post.scheduled", "post.archived".</summary>
    public static AuditAction PostMovedTo(PostStatus status) => status switch
    {
        PostStatus.Draft => PostDrafted,
        PostStatus.Scheduled => PostScheduled,
        PostStatus.Published => PostPublished,
        PostStatus.Archived => PostArchived,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static readonly AuditAction PostDrafted = new("post.draft", nameof(Post));
    public static readonly AuditAction PostScheduled = new("post.scheduled", nameof(Post));
    public static readonly AuditAction PostPublished = new("post.published", nameof(Post));
    public static readonly AuditAction PostArchived = new("post.archived", nameof(Post));

    /// <summary>A moderation decision: "comment.approve", "comment.reject", "comment.spam", "comment.delete".</summary>
    public static AuditAction Moderated(ModerationAction action) => action switch
    {
        ModerationAction.Approve => CommentApproved,
        ModerationAction.Reject => CommentRejected,
        ModerationAction.Spam => CommentMarkedSpam,
        ModerationAction.Delete => CommentDeleted,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    public static readonly AuditAction CommentApproved = new("comment.approve", nameof(Comment));
    public static readonly AuditAction CommentRejected = new("comment.reject", nameof(Comment));
    public static readonly AuditAction CommentMarkedSpam = new("comment.spam", nameof(Comment));
    public static readonly AuditAction CommentDeleted = new("comment.delete", nameof(Comment));
    public static readonly AuditAction CommentStaffReply = new("comment.staff-reply", nameof(Comment));
    public static readonly AuditAction CommentRedacted = new("comment.redacted", nameof(Comment));

    public static readonly AuditAction CommenterBanned = new("commenter.banned", nameof(Comment));
    public static readonly AuditAction CommenterBanLifted = new("commenter.ban-lifted", nameof(CommenterBan));
    public static readonly AuditAction CommenterExported = new("commenter.exported", nameof(Comment));
    public static readonly AuditAction CommenterErased = new("commenter.erased", nameof(Comment));

    public static readonly AuditAction AuthorCreated = new("author.created", nameof(Author));
    public static readonly AuditAction AuthorUpdated = new("author.updated", nameof(Author));

    public static readonly AuditAction StaffCreated = new("staff.created", nameof(StaffUser));
    public static readonly AuditAction StaffUpdated = new("staff.updated", nameof(StaffUser));
    public static readonly AuditAction StaffPasswordReset = new("staff.password-reset", nameof(StaffUser));
    public static readonly AuditAction StaffTwoFactorReset = new("staff.two-factor-reset", nameof(StaffUser));
    public static readonly AuditAction StaffLocked = new("staff.locked", nameof(StaffUser));
    public static readonly AuditAction StaffUnlocked = new("staff.unlocked", nameof(StaffUser));

    public static readonly AuditAction AccountPasswordChanged = new("account.password-changed", nameof(StaffUser));
    public static readonly AuditAction AccountTwoFactorEnabled = new("account.two-factor-enabled", nameof(StaffUser));
    public static readonly AuditAction AccountTwoFactorDisabled = new("account.two-factor-disabled", nameof(StaffUser));
    public static readonly AuditAction AccountTwoFactorKeyReset = new("account.two-factor-key-reset", nameof(StaffUser));
    public static readonly AuditAction AccountNotificationsChanged = new("account.notifications-changed", nameof(StaffUser));

    public static readonly AuditAction PageCreated = new("page.created", nameof(Pages.Page));
    public static readonly AuditAction PageUpdated = new("page.updated", nameof(Pages.Page));
    public static readonly AuditAction PageDeleted = new("page.deleted", nameof(Pages.Page));

    public static readonly AuditAction SettingsChanged = new("settings.changed", "Settings");

    public static readonly AuditAction MenuChanged = new("menu.changed", nameof(Pages.MenuItem));

    public static readonly AuditAction RedirectCreated = new("redirect.created", nameof(Redirects.Redirect));
    public static readonly AuditAction RedirectUpdated = new("redirect.updated", nameof(Redirects.Redirect));
    public static readonly AuditAction RedirectDeleted = new("redirect.deleted", nameof(Redirects.Redirect));
    public static readonly AuditAction PostSlugRedirectDeleted = new("post.old-address-removed", nameof(Post));

    public static readonly AuditAction MediaUploaded = new("media.uploaded", nameof(Media.MediaFile));
    public static readonly AuditAction WordPressImported = new("import.wordpress", "Import");
    public static readonly AuditAction DatabaseBackupDownloaded = new("database.backup-downloaded", "Database");
}
