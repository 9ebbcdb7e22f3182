using ClinicBlog.Core.Pages;
using Microsoft.AspNetCore.Mvc;

namespace ClinicBlog.Web.ViewComponents;

/// <summary>The footer's links: the ones staff chose at /admin/menu, or the published pages (About us,
/// Contact…) while none are chosen; nothing when there are neither.</summary>
public sealed class SitePagesViewComponent(MenuService menu, PageQuery pages) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var chosen = await menu.LinksAsync(MenuLocation.Footer, HttpContext.RequestAborted);
        if (chosen.Count > 0)
        {
            return View(chosen);
        }

        var published = await pages.PublishedLinksAsync(HttpContext.RequestAborted);
        return View(published.Select(p => new MenuLink(0, p.Title, Url.Action("Show", "Pages", new { area = "", slug = p.Slug })!)).ToList());
    }
}
