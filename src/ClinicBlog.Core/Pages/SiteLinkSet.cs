namespace ClinicBlog.Core.Pages;

/// <summary>The header menu links, the footer links and the published pages.</summary>
public sealed record SiteLinkSet(IReadOnlyList<MenuLink> Header, IReadOnlyList<MenuLink> Footer, IReadOnlyList<PageLink> PublishedPages);
