using ClinicBlog.Core.Pages;
using Microsoft.AspNetCore.Mvc;

namespace ClinicBlog.Web.ViewComponents;

/// <summary>The header menu's links: the ones staff chose at /admin/menu, or Articles and Archive while
/// none are chosen. The link to the page being read is marked <c>aria-current</c>.</summary>
public sealed class SiteMenuViewComponent(SiteLinks siteLinks) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var links = (await siteLinks.GetAsync(HttpContext.RequestAborted)).Header;
        IReadOnlyList<MenuLink> shown = links.Count > 0
            ? links
            : [new MenuLink(0, "Articles", Url.Action("Index", "Home", new { area = "" })!), new MenuLink(0, "Archive", Url.Action("Archive", "Search", new { area = "" })!)];
        return View(new SiteMenuViewModel(shown, HttpContext.Request.Path.Value ?? "/"));
    }
}
