using ClinicBlog.Core.Comments;
using ClinicBlog.Core.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClinicBlog.Core.Notifications;

/// <summary>The app's background work: delivers staff notifications (every few seconds, or at once
/// when woken) and clears expired IP hashes (hourly, one instance per hour however many run).
/// Failures are logged and retried next round.</summary>
public sealed class BackgroundDuties(
    NotificationDispatcher dispatcher,
    NotificationSignal signal,
    InstanceLeases leases,
    IServiceScopeFactory scopes,
    IOptions<NotificationOptions> options,
    ILogger<BackgroundDuties> logger) : BackgroundService
{
    private static readonly TimeSpan RetentionInterval = TimeSpan.FromHours(1);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await leases.ReleaseAsync(Lease.Notifications, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // It expires by itself.
            logger.LogWarning(e, "Could not release the notification lease at shutdown");
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await signal.WaitAsync(TimeSpan.FromSeconds(options.Value.PollSeconds), stoppingToken);
                await dispatcher.RunOnceAsync(stoppingToken);
                if ((await leases.TryClaimRoundAsync(Lease.IpRetention, RetentionInterval, stoppingToken)).Claimed)
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<CommenterPersonalData>().ApplyRetentionAsync(stoppingToken);
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
