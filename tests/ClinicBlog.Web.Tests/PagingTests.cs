using System.Net;
using ClinicBlog.Core.Posts;
using Microsoft.EntityFrameworkCore;

namespace ClinicBlog.Web.Tests;

public sealed class PagingTests(BlogFactory factory) : IClassFixture<BlogFactory>
{
    [Fact]
    public async Task Home_pages_through_posts_newest_first_ten_at_a_time()
    {
        for (var i = 1; i <= 12; i++)
        {
            await factory.AddPostAsync($"Paged article {i:00}", PostStatus.Published, DateTime.UtcNow.AddHours(-i));
        }

        using var client = factory.CreateBrowserlikeClient();
        var first = await client.GetDocumentAsync("/");
        var nextHref = first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href")!;
        var second = await client.GetDocumentAsync(nextHref);
        using var third = await client.GetAsync("/?page=3");

        Assert.Equal(Enumerable.Range(1, 10).Select(i => $"Paged article {i:00}"), first.QuerySelectorAll(".post-card h2 a").Select(a => a.TextContent));
        Assert.Equal("/?page=2", nextHref);
        Assert.Equal(["Paged article 11", "Paged article 12", TestContent.SeedTitle], second.QuerySelectorAll(".post-card h2 a").Select(a => a.TextContent));
        Assert.Equal("/", second.QuerySelector(".pager a[rel=prev]")!.GetAttribute("href"));
        Assert.Null(second.QuerySelector(".pager a[rel=next]"));
        Assert.Contains("Page 2 of 2", second.QuerySelector(".pager")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, third.StatusCode);
    }
}

public sealed class EmptyBlogTests(BlogFactory factory) : IClassFixture<BlogFactory>
{
    [Fact]
    public async Task An_empty_blog_shows_a_friendly_message()
    {
        _ = factory.Services;
        await factory.WithDbAsync(db => db.Posts.ExecuteDeleteAsync());
        using var client = factory.CreateBrowserlikeClient();

        using var response = await client.GetAsync("/");
        var doc = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("No articles have been published yet", doc.QuerySelector(".empty")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(doc.QuerySelectorAll(".post-card"));
    }
}
