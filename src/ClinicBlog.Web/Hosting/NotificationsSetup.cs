using ClinicBlog.Core.Notifications;
using ClinicBlog.Web.Notifications;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ClinicBlog.Web.Hosting;

internal static class NotificationsSetup
{
    /// <summary>Staff notifications (an outbox in the database, delivered by SMTP in the background)
    /// and the personal-data retention sweep.</summary>
    public static void AddStaffNotifications(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton<IMailTransport, SmtpMailTransport>();
        builder.Services.AddSingleton<IStaffLinkBase, ConfiguredStaffLinkBase>();
        builder.Services.AddSingleton<NotificationDispatcher>();
        builder.Services.AddHostedService<BackgroundDuties>();
    }
}
