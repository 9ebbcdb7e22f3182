using StackExchange.Redis;

namespace ClinicBlog.Web.SharedState;

/// <summary>How the shared state tells "Redis is away" from a bug: what the cache, the rate limits and the
/// error pages each degrade on.</summary>
internal static class RedisFailures
{
    /// <summary>Redis refused, dropped or timed out (its timeout is a <see cref="TimeoutException"/>).</summary>
    public static bool IsUnavailable(Exception e) => e is RedisException or RedisTimeoutException;
}
