using ClinicBlog.Core.Pages;

namespace ClinicBlog.Web.Models;

/// <summary>The links every page's header and footer shows: the fixed ones (home, search, archive, feeds,
/// policies, sign-in), generated from the routes once rather than on every request, and the header and footer
/// menus (the links staff chose at /admin/menu, or their defaults), built once per change of the menus.
/// Every uncached page renders them: generating them per request was about a tenth of a search's work.</summary>
public sealed class ReaderLinks(LinkGenerator links, SiteLinks siteLinks)
{
    // PublicationOnly: a failure (no endpoints yet) is not remembered; the next request tries again.
    private readonly Lazy<FixedPaths> _fixed = new(() => new FixedPaths(
        Home: Path(links, "Index", "Home"),
        Search: Path(links, "Index", "Search"),
        Archive: Path(links, "Archive", "Search"),
        Rss: Path(links, "Rss", "Feeds"),
        Atom: Path(links, "Atom", "Feeds"),
        Privacy: Path(links, "Privacy", "Policies"),
        CommentPolicy: Path(links, "CommentPolicy", "Policies"),
        SignIn: Path(links, "Login", "Account"),
        StaffHome: Path(links, "Index", "Dashboard", "Admin")), LazyThreadSafetyMode.PublicationOnly);

    private volatile Menus? _menus;

    public FixedPaths Fixed => _fixed.Value;

    /// <summary>The header menu: staff's choice, or Articles and Archive while there is none. The footer menu:
    /// staff's choice, or the published pages (About us, Contact…) while there is none; empty when neither.</summary>
    public async ValueTask<Menus> MenusAsync(CancellationToken cancellationToken)
    {
        var source = await siteLinks.GetAsync(cancellationToken);
        if (_menus is { } built && ReferenceEquals(built.Source, source))
        {
            return built;
        }

        var menus = new Menus(
            source,
            source.Header.Count > 0 ? source.Header : [new MenuLink(0, "Articles", Fixed.Home), new MenuLink(0, "Archive", Fixed.Archive)],
            source.Footer.Count > 0
                ? source.Footer
                : source.PublishedPages.Select(p => new MenuLink(0, p.Title, links.GetPathByAction("Show", "Pages", new { area = "", slug = p.Slug })!)).ToList());
        _menus = menus;
        return menus;
    }

    private static string Path(LinkGenerator links, string action, string controller, string area = "") =>
        links.GetPathByAction(action, controller, new { area })
        ?? throw new InvalidOperationException($"No route for {area}/{controller}/{action}.");

    public sealed record FixedPaths(
        string Home, string Search, string Archive, string Rss, string Atom, string Privacy, string CommentPolicy, string SignIn, string StaffHome);

    /// <summary>The menus as shown, with the set of links they were built from.</summary>
    public sealed record Menus(SiteLinkSet Source, IReadOnlyList<MenuLink> Header, IReadOnlyList<MenuLink> Footer);
}
