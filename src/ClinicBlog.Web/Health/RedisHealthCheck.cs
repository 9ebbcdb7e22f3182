using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace ClinicBlog.Web.Health;

/// <summary>Healthy when the shared Redis answers a PING (only registered when Redis is configured).</summary>
internal sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await redis.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("Redis did not answer.", e);
        }
    }
}
