using System.Text.Encodings.Web;
using ClinicBlog.Core.Pages;
using Microsoft.Extensions.Options;

namespace ClinicBlog.Web.Models;

/// <summary>The links reader pages show: the fixed ones (home, search, archive, feeds, policies, sign-in),
/// generated from the routes once rather than on every request; the addresses of posts, authors and tags,
/// completed per slug from a path generated once; and the header and footer menus (the links staff chose at
/// /admin/menu, or their defaults), built once per change of the menus. Every uncached page renders them:
/// generating the header's and footer's per request was about a tenth of a search's work.</summary>
public sealed class ReaderLinks(LinkGenerator links, SiteLinks siteLinks, IOptions<RouteOptions> routeOptions)
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

    private readonly Lazy<SluggedPaths> _slugged = new(() => new SluggedPaths(
        Post: SluggedPath.From(links, routeOptions.Value, "Show", "Posts"),
        Comments: SluggedPath.From(links, routeOptions.Value, "Comment", "Posts"),
        Author: SluggedPath.From(links, routeOptions.Value, "Show", "Authors"),
        Tag: SluggedPath.From(links, routeOptions.Value, "Show", "Tags")), LazyThreadSafetyMode.PublicationOnly);

    private volatile Menus? _menus;

    public FixedPaths Fixed => _fixed.Value;

    /// <summary>A post's address, as the router writes it.</summary>
    public string Post(string slug) => _slugged.Value.Post.For(slug);

    /// <summary>Where a post's comment form posts to.</summary>
    public string Comments(string slug) => _slugged.Value.Comments.For(slug);

    /// <summary>An author's page.</summary>
    public string Author(string slug) => _slugged.Value.Author.For(slug);

    /// <summary>A tag's page.</summary>
    public string Tag(string slug) => _slugged.Value.Tag.For(slug);

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

    private static string Path(LinkGenerator links, string action, string controller, string area = "", string? slug = null) =>
        links.GetPathByAction(action, controller, new { area, slug })
        ?? throw new InvalidOperationException($"No route for {area}/{controller}/{action}.");

    private sealed record SluggedPaths(SluggedPath Post, SluggedPath Comments, SluggedPath Author, SluggedPath Tag);

    /// <summary>An address with a slug in it, split where the slug goes: the route generates it once with a
    /// placeholder, and each slug is written in as the router writes a route value (lower-cased when the routing
    /// options ask for it, then URL-encoded). Generating a link per post, author and tag on every
    /// page (a route-value dictionary and a walk of the routes each) was the post page's largest link cost.</summary>
    private sealed record SluggedPath(string Prefix, string Suffix, bool Lowercase)
    {
        private const string Placeholder = "slug-placeholder";

        public static SluggedPath From(LinkGenerator links, RouteOptions options, string action, string controller)
        {
            var path = Path(links, action, controller, slug: Placeholder);
            var at = path.IndexOf(Placeholder, StringComparison.Ordinal);
            return new SluggedPath(path[..at], path[(at + Placeholder.Length)..], options.LowercaseUrls);
        }

        public string For(string slug) =>
            string.Concat(Prefix, UrlEncoder.Default.Encode(Lowercase ? slug.ToLowerInvariant() : slug), Suffix);
    }

    public sealed record FixedPaths(
        string Home, string Search, string Archive, string Rss, string Atom, string Privacy, string CommentPolicy, string SignIn, string StaffHome);

    /// <summary>The menus as shown, with the set of links they were built from.</summary>
    public sealed record Menus(SiteLinkSet Source, IReadOnlyList<MenuLink> Header, IReadOnlyList<MenuLink> Footer);
}
