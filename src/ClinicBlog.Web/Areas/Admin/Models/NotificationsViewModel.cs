using ClinicBlog.Core.Notifications;

namespace ClinicBlog.Web.Areas.Admin.Models;

/// <summary>The notifications page: recent messages, the SMTP server in use, and the test-message form
/// (its fields as typed, so <c>asp-for</c> names them as the form posts them).</summary>
public sealed class NotificationsViewModel : TestMessageForm
{
    public NotificationsViewModel(IReadOnlyList<NotificationListItem> recent, string? smtpServer, TestMessageForm form, string? message)
    {
        ArgumentNullException.ThrowIfNull(form);
        Recent = recent;
        SmtpServer = smtpServer;
        Message = message;
        Email = form.Email;
    }

    public IReadOnlyList<NotificationListItem> Recent { get; }

    public string? SmtpServer { get; }

    public string? Message { get; }
}
