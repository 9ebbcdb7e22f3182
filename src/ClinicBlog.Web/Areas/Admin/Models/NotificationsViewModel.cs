using ClinicBlog.Core.Notifications;

namespace ClinicBlog.Web.Areas.Admin.Models;

public sealed record NotificationsViewModel(IReadOnlyList<NotificationListItem> Recent, string? SmtpServer, TestMessageForm Form, string? Message);
