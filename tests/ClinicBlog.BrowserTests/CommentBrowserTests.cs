using ClinicBlog.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ClinicBlog.BrowserTests;

[Trait("Category", "Slow")]
public sealed class CommentBrowserTests(LiveBlog blog) : IClassFixture<LiveBlog>
{
    private const string PostUrl = "/posts/what-is-ketamine-iv-treatment";

    [Fact]
    public async Task A_reader_comments_staff_approve_it_from_the_queue_and_the_reader_sees_it()
    {
        var (reader, readerProblems) = await blog.NewPageAsync();
        await reader.GotoAsync(PostUrl);
        await reader.GetByLabel("Name", new() { Exact = true }).FillAsync("Browser Reader");
        await reader.GetByLabel("Email (optional, never shown)").FillAsync("reader@example.org");
        await reader.GetByLabel("Comment", new() { Exact = true }).FillAsync("This article answered **exactly** my question.");
        await reader.GetByRole(AriaRole.Button, new() { Name = "Post comment" }).ClickAsync();

        await reader.WaitForURLAsync("**comment=pending**");
        Assert.Contains("awaiting moderation", await reader.Locator("#comment-status").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await reader.Locator(".comment-author", new() { HasText = "Browser Reader" }).CountAsync());

        var (staff, staffProblems) = await blog.NewPageAsync();
        await staff.GotoAsync("/admin");
        await staff.GetByLabel("Email").FillAsync(LiveBlog.AdminEmail);
        await staff.GetByLabel("Password").FillAsync(LiveBlog.AdminPassword);
        await staff.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await staff.WaitForURLAsync("**/admin");
        var commentsLink = staff.Locator("nav.staff-nav-sidebar a[href='/admin/comments']");
        Assert.Equal("Comments 1 waiting", System.Text.RegularExpressions.Regex.Replace(await commentsLink.TextContentAsync() ?? "", @"\s+", " ").Trim());
        await commentsLink.ClickAsync();
        var row = staff.Locator(".queue-item", new() { HasText = "Browser Reader" });
        Assert.Contains("reader@example.org", await row.Locator(".queue-meta").InnerTextAsync(), StringComparison.Ordinal);
        await LiveBlog.SaveScreenshotAsync(staff, "moderation-queue.png");
        await row.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await staff.WaitForURLAsync("**done=approve**");

        await reader.GotoAsync(PostUrl);
        var comment = reader.Locator(".comment", new() { HasText = "Browser Reader" });
        Assert.Equal("exactly", await comment.Locator(".comment-body strong").InnerTextAsync());
        Assert.DoesNotContain("reader@example.org", await reader.ContentAsync(), StringComparison.Ordinal);
        Assert.Empty(readerProblems);
        Assert.Empty(staffProblems);

        // Behind real Kestrel the sender's address is known: only its salted hash is kept.
        await using var scope = blog.Services.CreateAsyncScope();
        var ipHash = await scope.ServiceProvider.GetRequiredService<BlogDbContext>().Comments
            .Where(c => c.AuthorName == "Browser Reader").Select(c => c.IpHash).SingleAsync();
        Assert.Matches("^[0-9a-f]{64}$", ipHash);
    }

    [Fact]
    public async Task A_refused_comment_keeps_what_was_typed_and_says_why_next_to_the_field()
    {
        var (page, problems) = await blog.NewPageAsync(width: 375, height: 812);
        await page.GotoAsync(PostUrl);
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Kept Name");
        await page.GetByLabel("Email (optional, never shown)").FillAsync("not-an-email");
        await page.GetByLabel("Comment", new() { Exact = true }).FillAsync("Words I do not want to lose.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Post comment" }).ClickAsync();

        Assert.Equal("Enter an email address such as name@example.org, or leave it empty.", await page.Locator("#comment-email-error").InnerTextAsync());
        Assert.Equal("Words I do not want to lose.", await page.GetByLabel("Comment", new() { Exact = true }).InputValueAsync());
        Assert.Equal("Kept Name", await page.GetByLabel("Name", new() { Exact = true }).InputValueAsync());
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 375);
        await LiveBlog.SaveScreenshotAsync(page, "comment-form-phone.png", "#comment-form");
        // The refused form answers 400, which the browser reports; nothing else may be logged.
        Assert.DoesNotContain(problems, p => !p.Contains("400", StringComparison.Ordinal));
    }
}
