using ClinicBlog.Core.Pages;
using Microsoft.AspNetCore.Mvc;

namespace ClinicBlog.Web.ViewComponents;

/// <summary>The footer's links: the ones staff chose at /admin/menu, or the published pages (About us,
/// Contact…) while none are chosen; nothing when there are neither.</summary>
public sealed class SitePagesViewComponent(SiteLinks siteLinks) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var links = await siteLinks.GetAsync(HttpContext.RequestAborted);
        return View(links.Footer.Count > 0
            ? links.Footer.ToList()
            : links.PublishedPages.Select(p => new MenuLink(0, p.Title, Url.Action("Show", "Pages", new { area = "", slug = p.Slug })!)).ToList());
    }
}
