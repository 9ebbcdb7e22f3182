using ClinicBlog.Core.Content;
using ClinicBlog.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ClinicBlog.Core.Posts;

/// <summary>A scheduled post becomes visible by itself at its time; this evicts the cached lists then,
/// so readers see it within half a minute without anyone touching the blog.</summary>
public sealed class ScheduledPublicationWatcher(IServiceScopeFactory scopes, IPublicContentCache cache, TimeProvider clock, ILogger<ScheduledPublicationWatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var since = clock.GetUtcNow().UtcDateTime;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(30), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var now = clock.GetUtcNow().UtcDateTime;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<BlogDbContext>();
                var due = await db.Posts.AnyAsync(p => p.Status == PostStatus.Scheduled && p.PublishedAt > since && p.PublishedAt <= now, stoppingToken);
                if (due)
                {
                    logger.LogInformation("A scheduled post went live; evicting cached reader pages");
                    await cache.PostsChangedAsync(stoppingToken);
                }

                since = now;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not check for scheduled posts; will try again");
            }
        }
    }
}
