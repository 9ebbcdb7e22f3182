using System.Net;
using ClinicBlog.Core.Posts;
using Microsoft.EntityFrameworkCore;

namespace ClinicBlog.Web.Tests;

/// <summary>The list of posts due for medical review, when many are due at once (after an import).</summary>
public sealed class ReviewDueListTests(ReviewDueListTests.Factory factory) : IClassFixture<ReviewDueListTests.Factory>
{
    public sealed class Factory : BlogFactory;

    [Fact]
    public async Task Many_due_posts_come_fifty_a_page_never_reviewed_first_then_the_oldest_review()
    {
        var published = DateTime.UtcNow.AddDays(-1);
        for (var i = 1; i <= 60; i++)
        {
            await factory.AddPostAsync($"Due article {i:00}", PostStatus.Published, published);
        }

        // Reviewed long ago: due again, after every post that was never reviewed.
        var reviewedLongAgo = await factory.AddPostAsync("Reviewed long ago", PostStatus.Published, published);
        await factory.WithDbAsync(db => db.Posts.Where(p => p.Slug == reviewedLongAgo)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.ReviewedAt, published.AddYears(-3))));
        var neverReviewed = await factory.WithDbAsync(db => db.Posts.CountAsync(p =>
            (p.Status == PostStatus.Published || p.Status == PostStatus.Scheduled) && p.ReviewedAt == null));

        using var admin = await factory.SignedInAdminAsync();
        var first = await admin.GetDocumentAsync("/admin/posts/review-due");
        var firstRows = Titles(first);
        Assert.Equal(50, firstRows.Count);
        var count = first.QuerySelector("[data-review-due-count]")!.TextContent;
        var total = int.Parse(count[..count.IndexOf(" posts are due", StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(total, 61, 100);
        Assert.Contains("Page 1 of 2", first.QuerySelector("nav.pager")!.TextContent, StringComparison.Ordinal);

        var next = first.QuerySelector("nav.pager a[rel=next]")!.GetAttribute("href")!;
        var second = await admin.GetDocumentAsync(next);
        var secondRows = Titles(second);
        Assert.Equal(total - 50, secondRows.Count);
        Assert.Null(second.QuerySelector("nav.pager a[rel=next]"));
        Assert.NotNull(second.QuerySelector("nav.pager a[rel=prev]"));

        // Every due post once, across the pages, and the one reviewed long ago after all never reviewed.
        var all = firstRows.Concat(secondRows).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.All(Enumerable.Range(1, 60), i => Assert.Contains($"Due article {i:00}", all));
        Assert.Equal(neverReviewed, all.IndexOf("Reviewed long ago"));

        // A page past the end (reviews done since) goes back to the first; a page that is not a number is not found.
        using var past = await admin.GetAsync("/admin/posts/review-due?page=9");
        Assert.Equal(HttpStatusCode.OK, past.StatusCode);
        Assert.Equal("/admin/posts/review-due", past.RequestMessage!.RequestUri!.PathAndQuery);
        Assert.Equal(firstRows, Titles(await Html.ParseAsync(past)));
        using var nonsense = await admin.GetAsync("/admin/posts/review-due?page=two");
        Assert.Equal(HttpStatusCode.NotFound, nonsense.StatusCode);
    }

    private static List<string> Titles(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll("tbody tr[data-post-id] td:first-child a").Select(a => a.TextContent.Trim()).ToList();
}
