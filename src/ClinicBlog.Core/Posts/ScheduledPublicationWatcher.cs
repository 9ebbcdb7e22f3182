using ClinicBlog.Core.Content;
using ClinicBlog.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ClinicBlog.Core.Posts;

/// <summary>A scheduled post becomes visible by itself at its time; this evicts the cached lists then,
/// so readers see it within half a minute without anyone touching the blog. With several instances one
/// of them looks each half minute (a round of <see cref="Lease.ScheduledPublication"/>), from where the
/// last look ended, and its eviction reaches every instance through the shared cache.</summary>
public sealed class ScheduledPublicationWatcher(IServiceScopeFactory scopes, IPublicContentCache cache, InstanceLeases leases, TimeProvider clock, ILogger<ScheduledPublicationWatcher> logger) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = clock.GetUtcNow().UtcDateTime;
        // Ticks a little more often than the round, so a round is never missed by a whisker.
        using var timer = new PeriodicTimer(Period / 3, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var now = clock.GetUtcNow().UtcDateTime;
            try
            {
                var (claimed, previous) = await leases.TryClaimRoundAsync(Lease.ScheduledPublication, Period, stoppingToken);
                if (!claimed)
                {
                    continue;
                }

                // The last round (on any instance) looked up to its own time: carry on from there.
                var since = previous is { } last && last < now ? last : started;
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<BlogDbContext>();
                var due = await db.Posts.AnyAsync(p => p.Status == PostStatus.Scheduled && p.PublishedAt > since && p.PublishedAt <= now, stoppingToken);
                if (due)
                {
                    logger.LogInformation("A scheduled post went live; evicting cached reader pages");
                    await cache.PostsChangedAsync(stoppingToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not check for scheduled posts; will try again");
            }
        }
    }
}
