using ClinicBlog.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicBlog.Core.Redirects;

/// <summary>The redirects in memory, so a request pays a dictionary lookup (nothing at all while there
/// are none), never a database query. Loaded on first use, reloaded after every change here or on
/// another instance.</summary>
public sealed class RedirectTable(IServiceScopeFactory scopes, ISharedChanges changes)
{
    private volatile IReadOnlyDictionary<string, string>? _map;

    /// <summary>Where an old address goes: its exact path and query first, then its path alone.</summary>
    public async ValueTask<string?> FindAsync(string path, string query, CancellationToken cancellationToken)
    {
        var map = _map ?? await LoadAsync(cancellationToken);
        if (map.Count == 0 || string.IsNullOrEmpty(path))
        {
            return null;
        }

        var exact = RedirectPaths.Key(string.IsNullOrEmpty(query) ? path : path + query);
        if (map.TryGetValue(exact, out var target))
        {
            return target;
        }

        return string.IsNullOrEmpty(query) ? null : map.GetValueOrDefault(RedirectPaths.Key(path));
    }

    /// <summary>Reads the table now (at start), so the first reader does not wait for it.</summary>
    public Task WarmAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    /// <summary>Forgets the loaded table, here and on the other instances: the next request reads it again.</summary>
    public void Invalidate()
    {
        _map = null;
        changes.Announce(SharedChange.Redirects);
    }

    /// <summary>Forgets the loaded table here only (another instance changed it).</summary>
    public void Forget() => _map = null;

    private async Task<IReadOnlyDictionary<string, string>> LoadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BlogDbContext>();
        var map = await db.Redirects.AsNoTracking().ToDictionaryAsync(r => r.FromPath, r => r.ToUrl, StringComparer.Ordinal, cancellationToken);
        _map = map;
        return map;
    }
}
