using ClinicBlog.Core;
using ClinicBlog.Core.Posts;
using ClinicBlog.Core.Search;
using ClinicBlog.Web.Models;
using Microsoft.AspNetCore.Mvc;

namespace ClinicBlog.Web.Controllers;

/// <summary>Full-text search and the archive of all posts by month.</summary>
public sealed class SearchController(PostSearchQuery search, PublishedPostQuery posts, ClinicTime clinicTime) : Controller
{
    private const int PageSize = 10;

    /// <summary>Titles and dates only, so a page stays small (22 KB, under 5 KB gzipped) however many years
    /// the clinic has written: the whole archive of a large blog on one page was megabytes.</summary>
    private const int ArchivePageSize = 100;

    [HttpGetOrHead("/search")]
    public async Task<IActionResult> Index([FromQuery(Name = "q")] string? q, [FromQuery(Name = "page")] string? page, CancellationToken cancellationToken)
    {
        if (!PageNumber.TryRead(page, out var number))
        {
            return NotFound();
        }

        var query = q?.Trim() ?? string.Empty;
        if (query.Length > 200)
        {
            query = query[..200];
        }

        var results = await search.SearchAsync(query, number, PageSize, cancellationToken);
        ViewData["Description"] = "Search the clinic’s articles.";
        ViewData["NoIndex"] = true;
        return View(new SearchViewModel(query, results));
    }

    [HttpGetOrHead("/archive")]
    public async Task<IActionResult> Archive([FromQuery(Name = "page")] string? page, CancellationToken cancellationToken)
    {
        if (!PageNumber.TryRead(page, out var number))
        {
            return NotFound();
        }

        var entries = await posts.ArchiveAsync(number, ArchivePageSize, cancellationToken);
        if (entries.IsOutOfRange)
        {
            return NotFound();
        }

        ViewData["Description"] = "Every article, by month.";
        var months = entries.Items
            // Months of the clinic's calendar (Blog:TimeZone), as the dates beside the titles are.
            .GroupBy(e =>
            {
                var local = clinicTime.ToLocal(e.PublishedAt);
                return new DateTime(local.Year, local.Month, 1, 0, 0, 0, DateTimeKind.Unspecified);
            })
            .Select(g => new ArchiveMonth(g.Key, g.ToList()))
            .ToList();
        return View(new ArchiveViewModel(months, entries, p => Url.Action(nameof(Archive), new { page = p == 1 ? null : (int?)p })));
    }
}
