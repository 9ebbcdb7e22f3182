using System.Threading.RateLimiting;
using ClinicBlog.Core.Comments;
using ClinicBlog.Core.Data;
using ClinicBlog.Core.Security;
using ClinicBlog.Web.Health;
using ClinicBlog.Web.SharedState;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RedisRateLimiting;
using StackExchange.Redis;

namespace ClinicBlog.Web.Hosting;

/// <summary>Several instances behind a load balancer: with <c>ConnectionStrings:Redis</c> set, the output
/// cache (and its tag eviction), the rate limits, the sign-in throttle and the announcements of in-memory
/// changes (redirects, menus, settings, urgent notifications) live in Redis, shared by every instance.
/// Without it, all of that stays in the process, as one instance needs.</summary>
internal static class SharedStateSetup
{
    public const string ConnectionStringName = "Redis";

    /// <summary>Whether this instance is one of several (Redis configured): what is kept in this process
    /// alone, and would be stale on the others, must then not be kept.</summary>
    public static bool SeveralInstances(this WebApplicationBuilder builder) =>
        !string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(ConnectionStringName));

    /// <summary>Must run before the services it replaces are added with their in-process defaults.</summary>
    public static void AddSharedState(this WebApplicationBuilder builder)
    {
        if (!builder.SeveralInstances())
        {
            return;
        }

        var options = ConfigurationOptions.Parse(builder.Configuration.GetConnectionString(ConnectionStringName)!);
        // Start (and keep serving) while Redis is briefly away; commands fail until it is back.
        options.AbortOnConnectFail = false;
        // While it is away, fail at once (pages are then rendered without the cache) rather than queue
        // every command until a timeout and keep readers waiting.
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ClientName ??= "clinicblog";
        builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
        builder.Services.AddStackExchangeRedisOutputCache(cache => cache.InstanceName = "clinicblog:");
        builder.Services.AddOptions<Microsoft.AspNetCore.OutputCaching.StackExchangeRedis.RedisOutputCacheOptions>()
            .Configure<IConnectionMultiplexer>((cache, redis) => cache.ConnectionMultiplexerFactory = () => Task.FromResult(redis));
        // Readers keep getting pages while Redis is away: wrap the Redis store so it degrades to misses.
        var redisStore = builder.Services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
        builder.Services.Remove(redisStore);
        builder.Services.AddSingleton<IOutputCacheStore>(sp => new ResilientOutputCacheStore(
            (IOutputCacheStore)(redisStore.ImplementationInstance ?? redisStore.ImplementationFactory?.Invoke(sp) ?? ActivatorUtilities.CreateInstance(sp, redisStore.ImplementationType!)),
            sp.GetRequiredService<ILogger<ResilientOutputCacheStore>>()));
        builder.Services.AddSingleton<RedisSharedChanges>();
        builder.Services.AddSingleton<ISharedChanges>(sp => sp.GetRequiredService<RedisSharedChanges>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<RedisSharedChanges>());
        builder.Services.AddSingleton<ISignInThrottle, RedisSignInThrottle>();
        // Degraded, not unhealthy: without Redis an instance still serves (slower, limits counted as above),
        // and a load balancer must not take every instance out at once because the shared cache is away.
        builder.Services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", HealthStatus.Degraded);
    }

    /// <summary>A fixed-window limit per client, counted in Redis when it is configured (every instance
    /// counts against the same window; the key is the client's salted hash, never its address), in the
    /// process otherwise. While Redis cannot be reached, <paramref name="failOpen"/> lets requests through;
    /// otherwise they get the friendly 503 page (sign-in: guessing must not go uncounted).</summary>
    public static RateLimitPartition<string> FixedWindow(HttpContext context, string policy, int permits, TimeSpan window, bool failOpen)
    {
        var client = ClientAddress.Key(context.Connection.RemoteIpAddress) ?? "unknown";
        if (context.RequestServices.GetService<IConnectionMultiplexer>() is not { } redis)
        {
            return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = window,
                QueueLimit = 0,
            });
        }

        var key = "clinicblog:" + policy + ":" + context.RequestServices.GetRequiredService<CommenterIpHasher>().Keyed(client);
        var options = new RedisFixedWindowRateLimiterOptions { ConnectionMultiplexerFactory = () => redis, PermitLimit = permits, Window = window };
        if (!failOpen)
        {
            return RedisRateLimitPartition.GetFixedWindowRateLimiter(key, _ => options);
        }

        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SharedStateSetup));
        return RateLimitPartition.Get(key, k => new FailOpenRateLimiter(new RedisFixedWindowRateLimiter<string>(k, options), logger));
    }
}
