using ClinicBlog.Core;
using ClinicBlog.Core.Authors;
using ClinicBlog.Core.Content;
using ClinicBlog.Core.Posts;
using ClinicBlog.Web.Models;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace ClinicBlog.Web.Controllers;

public sealed class AuthorsController(AuthorQuery authors, PublishedPostQuery posts, IOptions<BlogOptions> options) : Controller
{
    [HttpGetOrHead("/authors/{slug}")]
    public async Task<IActionResult> Show(string slug, [FromQuery(Name = "page")] string? page, CancellationToken cancellationToken)
    {
        if (slug.Length > SlugGenerator.MaxStoredLength || !PageNumber.TryRead(page, out var number))
        {
            return NotFound();
        }

        var author = await authors.FindBySlugAsync(slug, cancellationToken);
        if (author is null)
        {
            return NotFound();
        }

        var list = await posts.ListByAuthorAsync(author.Id, number, options.Value.PageSize, cancellationToken);
        if (list.IsOutOfRange)
        {
            return NotFound();
        }

        ViewData["Description"] = author.Bio ?? $"Articles by {author.DisplayName}.";
        return View(new AuthorPageViewModel(author,
            new PostListViewModel(list, page => Url.Action(nameof(Show), new { slug, page = page == 1 ? null : (int?)page }), $"{author.DisplayName} has not published any articles yet.")));
    }
}
