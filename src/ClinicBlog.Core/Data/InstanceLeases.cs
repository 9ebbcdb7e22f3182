using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicBlog.Core.Data;

/// <summary>Leases in the database, so background work runs on one instance at a time. Each claim is a
/// single conditional UPDATE: the database decides who wins, on SQLite (one writer) and on PostgreSQL
/// (the losing UPDATE waits, re-reads the row, finds its condition false and changes nothing).</summary>
public sealed class InstanceLeases(IServiceScopeFactory scopes, TimeProvider clock)
{
    /// <summary>This process, as the database sees it.</summary>
    public string Holder { get; } = string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}");

    /// <summary>Holds (or keeps holding) the named lease until <paramref name="duration"/> from now.
    /// True when this instance holds it: it was free, expired, or already ours.</summary>
    public async Task<bool> TryHoldAsync(string name, TimeSpan duration, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + duration;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BlogDbContext>();
        var taken = await db.Leases
            .Where(l => l.Name == name && (l.Holder == Holder || l.ExpiresAt <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, Holder).SetProperty(l => l.ExpiresAt, until), cancellationToken);
        return taken == 1 || await TryCreateAsync(db, name, Holder, until, cancellationToken);
    }

    /// <summary>Claims one round of periodic work for all instances: true for the first instance to ask
    /// once <paramref name="period"/> has passed since the last claimed round, false for every other.
    /// PreviousRound is when the last claimed round ran (null on the first).</summary>
    public async Task<(bool Claimed, DateTime? PreviousRound)> TryClaimRoundAsync(string name, TimeSpan period, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BlogDbContext>();
        var current = await db.Leases.AsNoTracking().Where(l => l.Name == name).Select(l => (DateTime?)l.ExpiresAt).FirstOrDefaultAsync(cancellationToken);
        if (current is null)
        {
            return (await TryCreateAsync(db, name, null, now + period, cancellationToken), null);
        }

        if (current > now)
        {
            return (false, null);
        }

        // Only the instance that still sees the end it read moves it on.
        var seen = current.Value;
        var claimed = await db.Leases
            .Where(l => l.Name == name && l.ExpiresAt == seen)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, now + period), cancellationToken);
        return (claimed == 1, claimed == 1 ? seen - period : null);
    }

    /// <summary>Lets the lease go (at shutdown), so another instance need not wait for it to expire.</summary>
    public async Task ReleaseAsync(string name, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<BlogDbContext>().Leases
            .Where(l => l.Name == name && l.Holder == Holder)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, (string?)null).SetProperty(l => l.ExpiresAt, clock.GetUtcNow().UtcDateTime), cancellationToken);
    }

    private static async Task<bool> TryCreateAsync(BlogDbContext db, string name, string? holder, DateTime until, CancellationToken cancellationToken)
    {
        db.Leases.Add(new Lease { Name = name, Holder = holder, ExpiresAt = until });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another instance created it first: it holds this one.
            return false;
        }
    }
}
