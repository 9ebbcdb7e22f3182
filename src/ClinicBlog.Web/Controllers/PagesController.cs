using ClinicBlog.Core;
using ClinicBlog.Core.Pages;
using ClinicBlog.Web.Models;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace ClinicBlog.Web.Controllers;

/// <summary>The site's published pages at /{slug} ("About us", "Contact"). Every other address of the
/// blog is more specific, so it wins; an unknown slug is the friendly 404.</summary>
public sealed class PagesController(PageQuery pages, PublicUrls urls, IOptions<BlogOptions> options) : Controller
{
    [HttpGetOrHead("/{slug}")]
    public async Task<IActionResult> Show(string slug, CancellationToken cancellationToken)
    {
        if (!Core.Content.SlugGenerator.IsValid(slug) || await pages.FindPublishedAsync(slug, cancellationToken) is not { } page)
        {
            return NotFound();
        }

        ViewData["Description"] = page.Summary;
        return View(new PublicPageViewModel(page, PageStructuredData.Build(page, urls, options.Value)));
    }
}
