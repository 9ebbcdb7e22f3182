using ClinicBlog.Core.Posts;
using Microsoft.EntityFrameworkCore;

namespace ClinicBlog.Web.Tests;

/// <summary>The post page's data kept in memory (with the output cache off, as this factory has it): kept
/// between readers, read again as soon as the app saves a change readers can see.</summary>
public sealed class PostPageDataTests(BlogFactory factory) : IClassFixture<BlogFactory>
{
    [Fact]
    public async Task The_post_page_keeps_its_data_until_the_app_saves_a_change_readers_see()
    {
        using var reader = factory.CreateBrowserlikeClient();
        var before = await reader.GetDocumentAsync(TestContent.SeedUrl);
        var title = before.QuerySelector("h1")!.TextContent;

        // Written behind the app's back (as no staff action writes): the page it already read stays as it was.
        await factory.WithDbAsync(db => db.Posts.Where(p => p.Slug == TestContent.SeedSlug)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Title, "Changed behind the app")));
        var kept = await reader.GetDocumentAsync(TestContent.SeedUrl);
        Assert.Equal(title, kept.QuerySelector("h1")!.TextContent);

        // A comment approved in moderation is a change the app saves: the page is read again, whole.
        await reader.PostCommentAsync(TestContent.SeedSlug, "Data Watcher", "Is the page read again?");
        var pending = await reader.GetDocumentAsync(TestContent.SeedUrl);
        Assert.DoesNotContain(pending.QuerySelectorAll(".comment-author"), a => a.TextContent == "Data Watcher");
        using var admin = await factory.SignedInAdminAsync();
        var id = await factory.WithDbAsync(db => db.Comments.Where(c => c.AuthorName == "Data Watcher").Select(c => c.Id).SingleAsync());
        await admin.ApproveInModerationAsync(id);

        var after = await reader.GetDocumentAsync(TestContent.SeedUrl);
        Assert.Contains(after.QuerySelectorAll(".comment-author"), a => a.TextContent == "Data Watcher");
        Assert.Equal("Changed behind the app", after.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task A_post_taken_down_leaves_the_page_at_once()
    {
        var slug = await factory.AddPostAsync("Short-lived post", PostStatus.Published, DateTime.UtcNow.AddMinutes(-5));
        using var reader = factory.CreateBrowserlikeClient();
        using (var shown = await reader.GetAsync($"/posts/{slug}"))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, shown.StatusCode);
        }

        await factory.WithDbAsync(async db =>
        {
            var post = await db.Posts.SingleAsync(p => p.Slug == slug);
            post.Status = PostStatus.Draft;
            await db.SaveChangesAsync();
        });

        using var gone = await reader.GetAsync($"/posts/{slug}");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, gone.StatusCode);
    }
}
