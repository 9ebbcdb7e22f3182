using ClinicBlog.Core;
using ClinicBlog.Core.Content;
using ClinicBlog.Core.Posts;
using ClinicBlog.Web.Models;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace ClinicBlog.Web.Controllers;

public sealed class TagsController(PublishedPostQuery posts, IOptions<BlogOptions> options) : Controller
{
    [HttpGetOrHead("/tags/{slug}")]
    public async Task<IActionResult> Show(string slug, [FromQuery(Name = "page")] string? page, CancellationToken cancellationToken)
    {
        if (slug.Length > SlugGenerator.MaxStoredLength || !PageNumber.TryRead(page, out var number))
        {
            return NotFound();
        }

        var found = await posts.ListByTagAsync(slug, number, options.Value.PageSize, cancellationToken);
        if (found is not var (tag, list) || list.IsOutOfRange)
        {
            return NotFound();
        }

        ViewData["Description"] = $"Articles about {tag.Name}.";
        return View(new TagPageViewModel(tag,
            new PostListViewModel(list, page => Url.Action(nameof(Show), new { slug, page = page == 1 ? null : (int?)page }), $"No published articles are tagged {tag.Name} yet.")));
    }
}
