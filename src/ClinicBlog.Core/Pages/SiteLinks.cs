using ClinicBlog.Core.Data;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicBlog.Core.Pages;

/// <summary>The links every page shows in its header and footer (the chosen menu links, the published
/// pages), in memory: a page (the sitemap included) costs no query for them. Read again after any change to pages or the menu.</summary>
public sealed class SiteLinks(IServiceScopeFactory scopes, ISharedChanges changes)
{
    private volatile SiteLinkSet? _current;

    public async ValueTask<SiteLinkSet> GetAsync(CancellationToken cancellationToken)
    {
        if (_current is { } current)
        {
            return current;
        }

        await using var scope = scopes.CreateAsyncScope();
        var menu = scope.ServiceProvider.GetRequiredService<MenuService>();
        var loaded = new SiteLinkSet(
            await menu.LinksAsync(MenuLocation.Header, cancellationToken),
            await menu.LinksAsync(MenuLocation.Footer, cancellationToken),
            await scope.ServiceProvider.GetRequiredService<PageQuery>().PublishedLinksAsync(cancellationToken));
        _current = loaded;
        return loaded;
    }

    /// <summary>Read them again, here and on the other instances.</summary>
    public void Invalidate()
    {
        _current = null;
        changes.Announce(SharedChange.SiteLinks);
    }

    /// <summary>Read them again here (another instance changed them).</summary>
    public void Forget() => _current = null;
}
