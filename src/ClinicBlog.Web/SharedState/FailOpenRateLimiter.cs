using System.Threading.RateLimiting;

namespace ClinicBlog.Web.SharedState;

/// <summary>A shared (Redis) rate limit that lets a request through while Redis cannot be reached, for
/// limits whose purpose is not worth refusing people over (a comment still waits for moderation).</summary>
internal sealed class FailOpenRateLimiter(RateLimiter inner, ILogger logger) : RateLimiter
{
    public override TimeSpan? IdleDuration => inner.IdleDuration;

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => inner.AttemptAcquire(permitCount);

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        try
        {
            return await inner.AcquireAsync(permitCount, cancellationToken);
        }
        catch (Exception e) when (RedisFailures.IsUnavailable(e))
        {
            logger.LogWarning("A shared rate limit could not be counted (Redis unavailable); the request goes ahead: {Error}", e.Message);
            return Granted.Instance;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private sealed class Granted : RateLimitLease
    {
        public static readonly Granted Instance = new();

        public override bool IsAcquired => true;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
