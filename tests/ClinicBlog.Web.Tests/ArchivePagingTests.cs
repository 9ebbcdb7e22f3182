using System.Net;
using ClinicBlog.Core.Posts;
using Microsoft.EntityFrameworkCore;

namespace ClinicBlog.Web.Tests;

/// <summary>The archive of a blog with more articles than one page should carry.</summary>
public sealed class ArchivePagingTests(ArchivePagingTests.Factory factory) : IClassFixture<ArchivePagingTests.Factory>
{
    public sealed class Factory : BlogFactory;

    [Fact]
    public async Task A_long_archive_comes_a_hundred_articles_a_page_newest_first_with_a_pager_and_its_own_canonical_address()
    {
        var start = DateTime.UtcNow.AddDays(-200);
        for (var i = 0; i < 120; i++)
        {
            await factory.AddPostAsync($"Archived article {i:000}", PostStatus.Published, start.AddDays(i));
        }

        var visible = await factory.WithDbAsync(db => db.Posts.CountAsync(p => p.Status == PostStatus.Published && p.PublishedAt <= DateTime.UtcNow));
        var reader = factory.CreateClient();
        var first = await reader.GetDocumentAsync("/archive");
        var firstTitles = Titles(first);
        Assert.Equal(100, firstTitles.Count);
        Assert.Contains($"{visible} articles, on 2 pages", first.QuerySelector(".lead")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Page 1 of 2", first.QuerySelector("nav.pager")!.TextContent, StringComparison.Ordinal);

        var older = first.QuerySelector("nav.pager a[rel=next]")!.GetAttribute("href");
        Assert.Equal("/archive?page=2", older);
        var second = await reader.GetDocumentAsync(older!);
        var secondTitles = Titles(second);
        Assert.Equal(visible - 100, secondTitles.Count);
        Assert.Equal("/archive", second.QuerySelector("nav.pager a[rel=prev]")!.GetAttribute("href"));
        Assert.EndsWith("/archive?page=2", second.QuerySelector("link[rel=canonical]")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains("Archive (page 2)", second.Title, StringComparison.Ordinal);

        // Newest first across the pages, each article once.
        var ours = firstTitles.Concat(secondTitles).Where(t => t.StartsWith("Archived article", StringComparison.Ordinal)).ToList();
        Assert.Equal(Enumerable.Range(0, 120).Reverse().Select(i => $"Archived article {i:000}"), ours);

        foreach (var missing in new[] { "/archive?page=3", "/archive?page=0", "/archive?page=two" })
        {
            using var response = await reader.GetAsync(missing);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    private static List<string> Titles(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll(".archive-list li a").Select(a => a.TextContent.Trim()).ToList();
}
