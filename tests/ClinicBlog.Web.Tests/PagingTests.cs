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
    }}

[Trait("Category", "Slow")]
public sealed class CommentPagingTests(BlogFactory factory) : IClassFixture<BlogFactory>
{
    [Fact]
    public async Task A_post_with_many_comments_shows_them_fifty_threads_a_page_with_their_replies()
    {
        var slug = await factory.AddPostAsync("Much discussed article", PostStatus.Published, DateTime.UtcNow.AddDays(-1));
        var start = DateTime.UtcNow.AddDays(-1);
        await factory.WithDbAsync(async db =>
        {
            var postId = await db.Posts.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync();
            var html = new Core.Content.MarkdownRenderer().RenderComment("Thanks.");
            var topLevel = Enumerable.Range(1, 120).Select(i => new Core.Comments.Comment
            {
                PostId = postId, AuthorName = $"Reader {i:000}", Body = "Thanks.", BodyHtml = html,
                Status = Core.Comments.CommentStatus.Approved, CreatedAt = start.AddMinutes(i),
            }).ToList();
            // One held comment among them: never shown, never counted.
            topLevel.Add(new Core.Comments.Comment
            {
                PostId = postId, AuthorName = "Held reader", Body = "Held.", BodyHtml = html,
                Status = Core.Comments.CommentStatus.Pending, CreatedAt = start.AddMinutes(60.5),
            });
            db.Comments.AddRange(topLevel);
            await db.SaveChangesAsync();
            // Reader 101 (page 3) has a reply, written long after every other comment.
            db.Comments.Add(new Core.Comments.Comment
            {
                PostId = postId, ParentId = topLevel[100].Id, AuthorName = "Late reply", Body = "Thanks.", BodyHtml = html,
                Status = Core.Comments.CommentStatus.Approved, CreatedAt = start.AddHours(10),
            });
            await db.SaveChangesAsync();
        });

        using var client = factory.CreateBrowserlikeClient();
        var first = await client.GetDocumentAsync($"/posts/{slug}");
        string[] Names(AngleSharp.Dom.IDocument page) =>
            page.QuerySelectorAll(".comment-list > li > .comment .comment-author").Select(a => a.TextContent.Trim()).ToArray();

        Assert.Equal("121 comments", first.QuerySelector("#comments-heading")!.TextContent.Trim());
        Assert.Equal(Enumerable.Range(1, 50).Select(i => $"Reader {i:000}"), Names(first));
        Assert.DoesNotContain("Held reader", first.QuerySelector("#comments")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Comments page 1 of 3", first.QuerySelector("#comments .pager")!.TextContent, StringComparison.Ordinal);
        var next = first.QuerySelector("#comments .pager a[rel=next]")!.GetAttribute("href")!;
        Assert.Equal($"/posts/{slug}?comments=2#comments", next);

        var third = await client.GetDocumentAsync($"/posts/{slug}?comments=3");
        Assert.Equal(Enumerable.Range(101, 20).Select(i => $"Reader {i:000}"), Names(third));
        Assert.Equal("Late reply", third.QuerySelector(".comment-list > li:first-child .comment-replies .comment-author")!.TextContent.Trim());
        Assert.Null(third.QuerySelector("#comments .pager a[rel=next]"));
        Assert.Equal($"/posts/{slug}?comments=2#comments", third.QuerySelector("#comments .pager a[rel=prev]")!.GetAttribute("href"));

        // Replying to a comment on a later page works from the reply link.
        var replyLink = third.QuerySelector(".comment-list > li:first-child .reply-link")!.GetAttribute("href")!;
        var replying = await client.GetDocumentAsync(replyLink);
        Assert.Equal("Reply to Reader 101", replying.QuerySelector("#comment-form-heading")!.TextContent.Trim());

        foreach (var bad in new[] { "4", "0", "two", "99999999999" })
        {
            using var response = await client.GetAsync($"/posts/{slug}?comments={bad}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
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

/// <summary>Its own blog: the posts it adds would show up in the other classes' lists.</summary>
public sealed class SearchPagingTests(BlogFactory factory) : IClassFixture<BlogFactory>
{

    [Fact]
    public async Task Search_pages_keep_the_query_as_typed()
    {
        for (var i = 1; i <= 12; i++)
        {
            await factory.AddPostAsync($"Dosing & aftercare {i:00}", PostStatus.Published, DateTime.UtcNow.AddHours(-i));
        }

        using var client = factory.CreateBrowserlikeClient();
        var first = await client.GetDocumentAsync("/search?q=" + Uri.EscapeDataString("aftercare & dosing"));
        var nextHref = first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href")!;
        var second = await client.GetDocumentAsync(nextHref);

        // Encoded once: the second page searches the same words, not "aftercare%20%26%20dosing".
        Assert.Equal("/search?q=aftercare%20%26%20dosing&page=2", nextHref);
        Assert.Equal("aftercare & dosing", second.QuerySelector("#search-page-q")!.GetAttribute("value"));
        Assert.NotEmpty(second.QuerySelectorAll(".search-result"));
        Assert.Equal("/search?q=aftercare%20%26%20dosing&page=1", second.QuerySelector(".pager a[rel=prev]")!.GetAttribute("href"));
    }

    /// <summary>The count is read from the page itself when the page is not full (no second statement), and
    /// counted when it is: every page, the last and one past it say the same number, and the pager agrees.</summary>
    [Fact]
    public async Task Every_page_of_a_search_reports_the_same_total()
    {
        for (var i = 1; i <= 13; i++)
        {
            await factory.AddPostAsync($"Infusion logistics {i:00}", PostStatus.Published, DateTime.UtcNow.AddHours(-i));
        }

        for (var i = 1; i <= 10; i++)
        {
            await factory.AddPostAsync($"Parking validation {i:00}", PostStatus.Published, DateTime.UtcNow.AddHours(-i));
        }

        await factory.AddPostAsync("Parking logistics draft", PostStatus.Draft, DateTime.UtcNow.AddHours(-1));
        using var client = factory.CreateBrowserlikeClient();

        async Task<(string Count, int Results, bool Next)> PageAsync(string query, int page)
        {
            var doc = await client.GetDocumentAsync($"/search?q={query}&page={page}");
            return (doc.QuerySelector(".result-count")!.TextContent, doc.QuerySelectorAll(".search-result").Length, doc.QuerySelector(".pager a[rel=next]") is not null);
        }

        Assert.Equal(("13 articles found for “logistics”.", 10, true), await PageAsync("logistics", 1));
        Assert.Equal(("13 articles found for “logistics”.", 3, false), await PageAsync("logistics", 2));
        Assert.Equal(("13 articles found for “logistics”.", 0, false), await PageAsync("logistics", 3));
        // Exactly one full page: counted, and no page after it.
        Assert.Equal(("10 articles found for “validation”.", 10, false), await PageAsync("validation", 1));
        // Past the end of a search with few hits: counted (the page is empty), not taken as none at all.
        Assert.Equal(("1 article found for “infusion logistics 01”.", 0, false), await PageAsync("infusion+logistics+01", 2));
        // A draft is never counted.
        Assert.Equal(("0 articles found for “parking logistics”.", 0, false), await PageAsync("parking+logistics", 1));
    }
}
