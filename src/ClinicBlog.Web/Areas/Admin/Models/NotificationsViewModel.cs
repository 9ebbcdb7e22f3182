using ClinicBlog.Core.Notifications;

namespace ClinicBlog.Web.Areas.Admin.Models;

public sealed record NotificationsViewModel(IReadOnlyList<Notification> Recent, string? SmtpServer, TestMessageForm Form, string? Message);
