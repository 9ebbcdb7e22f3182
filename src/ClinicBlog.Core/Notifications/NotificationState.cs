namespace ClinicBlog.Core.Notifications;

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
