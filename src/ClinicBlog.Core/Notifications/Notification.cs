using ClinicBlog.Core.Data;

namespace ClinicBlog.Core.Notifications;

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
