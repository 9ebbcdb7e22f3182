using ClinicBlog.Core;
using ClinicBlog.Core.Posts;
using ClinicBlog.Web.Models;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace ClinicBlog.Web.Controllers;

public sealed class HomeController(PublishedPostQuery posts, IOptions<BlogOptions> options) : Controller
{
    [HttpGetOrHead("/")]
    public async Task<IActionResult> Index([FromQuery(Name = "page")] string? page, CancellationToken cancellationToken)
    {
        if (!PageNumber.TryRead(page, out var number))
        {
            return NotFound();
        }

        var list = await posts.ListAsync(number, options.Value.PageSize, cancellationToken);
        if (list.IsOutOfRange)
        {
            return NotFound();
        }

        ViewData["Description"] = options.Value.Description;
        return View(new HomeViewModel(
            new PostListViewModel(list, page => Url.Action(nameof(Index), new { page = page == 1 ? null : (int?)page }), "No articles have been published yet. Please check back soon."),
            options.Value.Title,
            options.Value.Description));
    }
}
