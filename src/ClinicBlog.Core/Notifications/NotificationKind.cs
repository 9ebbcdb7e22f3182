namespace ClinicBlog.Core.Notifications;

/// <summary>What a notification is about; each staff member can switch off the first three.</summary>
public enum NotificationKind
{
    /// <summary>A comment that may describe a crisis is waiting: sent at once.</summary>
    UrgentComment,

    /// <summary>Ordinary comments are waiting for moderation: a digest, at most every few minutes.</summary>
    HeldComments,

    /// <summary>A comment on the recipient's own post was approved by someone else.</summary>
    CommentApproved,

    /// <summary>A test message sent by an admin to check the SMTP settings.</summary>
    Test,
}
