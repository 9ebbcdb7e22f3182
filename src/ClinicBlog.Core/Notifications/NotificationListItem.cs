namespace ClinicBlog.Core.Notifications;

/// <summary>A staff message as <c>/admin/notifications</c> lists it.</summary>
public sealed record NotificationListItem(
    int Id, DateTime CreatedAt, string RecipientEmail, string Subject, NotificationState State, int Attempts, string? LastError);
