using ClinicBlog.Core.Content;
using ClinicBlog.Core.Data;
using ClinicBlog.Core.Notifications;
using ClinicBlog.Core.Pages;
using ClinicBlog.Core.Redirects;
using ClinicBlog.Core.Settings;
using StackExchange.Redis;

namespace ClinicBlog.Web.SharedState;

/// <summary>Changes announced to every instance over a Redis channel. A receiving instance forgets its
/// copy, and where reader pages show what changed (settings, menus), evicts them once more: a page it
/// rendered from the old copy between the other instance's commit and this message cannot stay cached.</summary>
internal sealed class RedisSharedChanges(IConnectionMultiplexer redis, IServiceProvider services, ILogger<RedisSharedChanges> logger) : ISharedChanges, IHostedService
{
    private static readonly RedisChannel Channel = RedisChannel.Literal("clinicblog:changes");

    /// <summary>Who sent a message, so an instance ignores its own.</summary>
    private readonly string _instance = Guid.NewGuid().ToString("N");

    public void Announce(SharedChange change)
    {
        // Fire and forget: the change is committed; a lost message costs staleness, never data.
        _ = redis.GetSubscriber().PublishAsync(Channel, _instance + "|" + change, CommandFlags.FireAndForget);
    }

    public async Task StartAsync(CancellationToken cancellationToken) =>
        await redis.GetSubscriber().SubscribeAsync(Channel, (channel, message) => Receive(message));

    public async Task StopAsync(CancellationToken cancellationToken) =>
        await redis.GetSubscriber().UnsubscribeAsync(Channel);

    /// <summary>Runs on the subscriber's thread; never throws (a failure is logged).</summary>
    private async void Receive(RedisValue message)
    {
        var parts = ((string?)message ?? string.Empty).Split('|');
        if (parts.Length != 2 || parts[0] == _instance || !Enum.TryParse<SharedChange>(parts[1], out var change))
        {
            return;
        }

        try
        {
            switch (change)
            {
                case SharedChange.Redirects:
                    services.GetRequiredService<RedirectTable>().Forget();
                    break;
                case SharedChange.SiteLinks:
                    services.GetRequiredService<SiteLinks>().Forget();
                    await services.GetRequiredService<IPublicContentCache>().PostsChangedAsync(CancellationToken.None);
                    break;
                case SharedChange.Settings:
                    await using (var scope = services.CreateAsyncScope())
                    {
                        await scope.ServiceProvider.GetRequiredService<SiteSettingsService>().LoadAsync(CancellationToken.None);
                    }

                    await services.GetRequiredService<IPublicContentCache>().PostsChangedAsync(CancellationToken.None);
                    break;
                case SharedChange.Notifications:
                    services.GetRequiredService<NotificationSignal>().WakeHere();
                    break;
            }
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not apply a change announced by another instance ({Change})", change);
        }
    }
}
