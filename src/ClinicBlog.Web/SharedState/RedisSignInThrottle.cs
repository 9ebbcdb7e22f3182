using ClinicBlog.Core.Comments;
using ClinicBlog.Core.Security;
using StackExchange.Redis;

namespace ClinicBlog.Web.SharedState;

/// <summary><see cref="SignInThrottle"/>'s rules, counted in Redis so every instance sees the same
/// failures. The key is a salted HMAC of client and email: Redis never holds who tried what. The
/// window starts at the first failure (the key's time to live).</summary>
internal sealed class RedisSignInThrottle(IConnectionMultiplexer redis, CommenterIpHasher hasher) : ISignInThrottle
{
    public async ValueTask<bool> IsHeldBackAsync(string? client, string email, CancellationToken cancellationToken)
    {
        var failures = await redis.GetDatabase().StringGetAsync(Key(client, email));
        return failures.TryParse(out long count) && count >= SignInThrottle.FreeFailures;
    }

    public async ValueTask RecordFailureAsync(string? client, string email, CancellationToken cancellationToken)
    {
        var database = redis.GetDatabase();
        var key = Key(client, email);
        await database.StringIncrementAsync(key);
        // Only the first failure sets the window (and a key can never be left without one).
        await database.KeyExpireAsync(key, SignInThrottle.Window, ExpireWhen.HasNoExpiry);
    }

    public async ValueTask ResetAsync(string? client, string email, CancellationToken cancellationToken) =>
        await redis.GetDatabase().KeyDeleteAsync(Key(client, email));

    private RedisKey Key(string? client, string email) =>
        "clinicblog:sign-in:" + hasher.Keyed((client ?? "unknown") + "\n" + email.Trim().ToUpperInvariant());
}
