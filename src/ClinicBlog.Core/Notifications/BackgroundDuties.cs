using ClinicBlog.Core.Comments;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClinicBlog.Core.Notifications;

/// <summary>The app's background work: delivers staff notifications (every few seconds, or at once
/// when woken) and clears expired IP hashes (hourly). Failures are logged and retried next round.</summary>
public sealed class BackgroundDuties(
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
