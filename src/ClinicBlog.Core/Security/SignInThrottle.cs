using System.Collections.Concurrent;

namespace ClinicBlog.Core.Security;

/// <summary>Counts failed sign-ins per client and email together. After <see cref="FreeFailures"/>
/// failures for one email from one client (an IPv6 client by its /64), that client waits
/// <see cref="Window"/> before trying that email again. Nobody else is held up: a stranger guessing
/// can never keep the owner out (unlike an account lockout), and an unknown email is counted exactly
/// like a real one, so the answers never tell who has an account. This one counts in memory (one instance).</summary>
public sealed class SignInThrottle(TimeProvider clock) : ISignInThrottle
{
    /// <summary>Failures allowed per client and email within <see cref="Window"/>.</summary>
    public const int FreeFailures = 5;

    /// <summary>How long failures count, from the first of them.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    /// <summary>Beyond this many tracked pairs, expired ones are swept (a flood of made-up emails
    /// cannot grow memory without bound; the sign-in rate limit slows such a flood too).</summary>
    private const int MaxTracked = 50_000;

    private readonly ConcurrentDictionary<(string Client, string Email), Failures> _failures = new();

    private sealed record Failures(int Count, DateTime Since);

    /// <summary>True while this client must wait before trying this email again.</summary>
    public bool IsHeldBack(string? client, string email)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return _failures.TryGetValue(Key(client, email), out var failures)
               && failures.Since + Window > now
               && failures.Count >= FreeFailures;
    }

    public void RecordFailure(string? client, string email)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (_failures.Count >= MaxTracked)
        {
            Sweep(now);
        }

        _failures.AddOrUpdate(
            Key(client, email),
            _ => new Failures(1, now),
            (_, old) => old.Since + Window > now ? old with { Count = old.Count + 1 } : new Failures(1, now));
    }

    /// <summary>A successful sign-in starts the count again.</summary>
    public void Reset(string? client, string email) => _failures.TryRemove(Key(client, email), out _);

    ValueTask<bool> ISignInThrottle.IsHeldBackAsync(string? client, string email, CancellationToken cancellationToken) =>
        ValueTask.FromResult(IsHeldBack(client, email));

    ValueTask ISignInThrottle.RecordFailureAsync(string? client, string email, CancellationToken cancellationToken)
    {
        RecordFailure(client, email);
        return ValueTask.CompletedTask;
    }

    ValueTask ISignInThrottle.ResetAsync(string? client, string email, CancellationToken cancellationToken)
    {
        Reset(client, email);
        return ValueTask.CompletedTask;
    }

    private void Sweep(DateTime now)
    {
        foreach (var (key, failures) in _failures)
        {
            if (failures.Since + Window <= now)
            {
                _failures.TryRemove(key, out _);
            }
        }

        // Still full of live entries: forget them rather than grow; the rate limit still applies.
        if (_failures.Count >= MaxTracked)
        {
            _failures.Clear();
        }
    }

    private static (string, string) Key(string? client, string email) =>
        (client ?? "unknown", email.Trim().ToUpperInvariant());
}
