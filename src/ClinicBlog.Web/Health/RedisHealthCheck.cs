using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace ClinicBlog.Web.Health;

/// <summary>Healthy when the shared Redis answers a PING; otherwise the registration's failure status
/// (Degraded: the instance still serves). Only registered when Redis is configured.</summary>
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
            return new HealthCheckResult(context.Registration.FailureStatus, "Redis did not answer.", e);
        }
    }
}
