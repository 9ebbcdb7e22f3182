using ClinicBlog.Core.Data;

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

public enum NotificationState
{
    /// <summary>Waiting in the outbox for its (next) attempt.</summary>
    Queued,

    /// <summary>Accepted by the SMTP server.</summary>
    Sent,

    /// <summary>Every attempt failed; an admin may queue it again.</summary>
    Failed,

    /// <summary>No SMTP server is configured: the notification is only shown in the admin.</summary>
    NotSent,
}

/// <summary>A message to a staff member, kept in the database (an outbox) until the background
/// sender delivers it. It holds no commenter's name, email or text: email is not a safe channel for
/// what readers of a clinic write, so a message says where and how many, and links to the admin.</summary>
public class Notification : ITimestamped
{
    public int Id { get; set; }

    public NotificationKind Kind { get; set; }

    /// <summary>The staff member it is for (null for a test message to any address).</summary>
    public string? RecipientUserId { get; set; }

    public required string RecipientEmail { get; set; }

    public required string Subject { get; set; }

    /// <summary>The plain-text body, deep links included.</summary>
    public required string Body { get; set; }

    public NotificationState State { get; set; }

    /// <summary>Failed delivery attempts so far.</summary>
    public int Attempts { get; set; }

    /// <summary>When the sender may try (again).</summary>
    public DateTime NextAttemptAt { get; set; }

    public DateTime? SentAt { get; set; }

    /// <summary>Why the last attempt failed, for the admin page (never holds a password).</summary>
    public string? LastError { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
