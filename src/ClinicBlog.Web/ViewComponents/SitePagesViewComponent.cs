using ClinicBlog.Core.Pages;
using Microsoft.AspNetCore.Mvc;

namespace ClinicBlog.Web.ViewComponents;

/// <summary>The footer's links to the site's published pages (About us, Contact…); nothing while there are none.</summary>
public sealed class SitePagesViewComponent(PageQuery pages) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View(await pages.PublishedLinksAsync(HttpContext.RequestAborted));
}
