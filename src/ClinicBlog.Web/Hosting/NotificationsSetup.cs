using ClinicBlog.Core;
using ClinicBlog.Core.Comments;
using ClinicBlog.Core.Notifications;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

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

/// <summary>Links in staff messages start with <c>Blog:BaseUrl</c>, else the server's own first
/// address. Never a request's Host header: whoever sends a request chooses that.</summary>
internal sealed class ConfiguredStaffLinkBase(IOptions<BlogOptions> options, IServer server) : IStaffLinkBase
{
    public Uri BaseUri
    {
        get
        {
            var configured = options.Value.BaseUrl;
            var address = !string.IsNullOrWhiteSpace(configured)
                ? configured
                : server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost";
            // Kestrel reports wildcard bindings such as http://+:8080 or http://[::]:8080.
            var uri = new UriBuilder(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
            if (uri.Host is "0.0.0.0" or "[::]" or "::")
            {
                uri.Host = "localhost";
            }

            uri.Path = uri.Path.EndsWith('/') ? uri.Path : uri.Path + "/";
            return uri.Uri;
        }
    }
}

/// <summary>The app's background work: delivers staff notifications (every few seconds, or at once
/// when woken) and clears expired IP hashes (hourly). Failures are logged and retried next round.</summary>
internal sealed class BackgroundDuties(
    NotificationDispatcher dispatcher,
    NotificationSignal signal,
    IServiceScopeFactory scopes,
    IOptions<NotificationOptions> options,
    TimeProvider clock,
    ILogger<BackgroundDuties> logger) : BackgroundService
{
    private static readonly TimeSpan RetentionInterval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        DateTimeOffset? lastRetention = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await signal.WaitAsync(TimeSpan.FromSeconds(options.Value.PollSeconds), stoppingToken);
                await dispatcher.RunOnceAsync(stoppingToken);
                if (lastRetention is null || clock.GetUtcNow() - lastRetention >= RetentionInterval)
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<CommenterPersonalData>().ApplyRetentionAsync(stoppingToken);
                    lastRetention = clock.GetUtcNow();
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Background duties failed this round; trying again");
            }
        }
    }
}
