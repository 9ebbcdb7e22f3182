using ClinicBlog.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicBlog.Core.Pages;

/// <summary>The links every page shows in its header and footer (the chosen menu links, the published
/// pages), in memory: a page costs no query for them. Read again after any change to pages or the menu.</summary>
public sealed class SiteLinks(IServiceScopeFactory scopes)
{
    private volatile SiteLinkSet? _current;

    public async ValueTask<SiteLinkSet> GetAsync(CancellationToken cancellationToken)
    {
        if (_current is { } current)
        {
            return current;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BlogDbContext>();
        var items = await db.MenuItems.AsNoTracking().OrderBy(m => m.Position).ThenBy(m => m.Id).ToListAsync(cancellationToken);
        var pages = await db.Pages.AsNoTracking().Where(p => p.Status == PageStatus.Published).OrderBy(p => p.Title)
            .Select(p => new PageLink(p.Title, p.Slug, p.UpdatedAt)).ToListAsync(cancellationToken);
        var loaded = new SiteLinkSet(
            items.Where(m => m.Location == MenuLocation.Header).Select(m => new MenuLink(m.Id, m.Label, m.Url)).ToList(),
            items.Where(m => m.Location == MenuLocation.Footer).Select(m => new MenuLink(m.Id, m.Label, m.Url)).ToList(),
            pages);
        _current = loaded;
        return loaded;
    }

    public void Invalidate() => _current = null;
}
