using ClinicBlog.Core.Data;
using ClinicBlog.Core.Posts;
using Microsoft.EntityFrameworkCore;

namespace ClinicBlog.Core.Pages;

/// <summary>The published pages, as readers get them.</summary>
public sealed class PageQuery(BlogDbContext db)
{
    public async Task<PublicPage?> FindPublishedAsync(string slug, CancellationToken cancellationToken)
    {
        var page = await db.Pages.AsNoTracking().Include(p => p.Reviewer)
            .SingleOrDefaultAsync(p => p.Slug == slug && p.Status == PageStatus.Published, cancellationToken);
        return page is null ? null : new PublicPage(
            page.Title, page.Slug, page.Summary, page.BodyHtml, page.PublishedAt ?? page.CreatedAt, page.UpdatedAt,
            page.ReviewCoversText && page.Reviewer is { } reviewer ? new AuthorByline(reviewer.DisplayName, reviewer.Slug, reviewer.Credentials) : null,
            page.ReviewCoversText ? page.ReviewedAt : null);
    }

    /// <summary>Every published page's title and slug, by title: the footer's links and the sitemap.</summary>
    public Task<List<PageLink>> PublishedLinksAsync(CancellationToken cancellationToken) =>
        db.Pages.AsNoTracking().Where(p => p.Status == PageStatus.Published).OrderBy(p => p.Title)
            .Select(p => new PageLink(p.Title, p.Slug, p.UpdatedAt))
            .ToListAsync(cancellationToken);
}
