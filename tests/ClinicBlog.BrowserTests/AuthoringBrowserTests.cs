using ClinicBlog.Core.Authors;
using ClinicBlog.Core.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ClinicBlog.BrowserTests;

[Trait("Category", "Slow")]
public sealed class AuthoringBrowserTests(LiveBlog blog) : IClassFixture<LiveBlog>
{
    [Fact]
    public async Task Staff_write_preview_and_publish_a_post_and_a_reader_finds_it()
    {
        await using (var scope = blog.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BlogDbContext>();
            db.Authors.Add(new Author { DisplayName = "Dr Browser Reviewer", Slug = "dr-browser-reviewer", Credentials = "MD" });
            await db.SaveChangesAsync();
        }

        var (staff, problems) = await blog.NewPageAsync();
        await LiveBlog.SignInAsync(staff);
        await staff.GetByRole(AriaRole.Link, new() { Name = "Write a post" }).ClickAsync();
        await staff.WaitForURLAsync("**/admin/posts/new");

        await staff.GetByLabel("Title", new() { Exact = true }).FillAsync("Managing Winter Blues");
        await staff.GetByLabel("Summary").FillAsync("Light, sleep and when to ask for help.");
        await MarkdownEditor.ReplaceTextAsync(staff, "## Light therapy\n\n- morning light\n- a regular sleep schedule\n\nTalk to your clinician.");
        await staff.GetByLabel("Tags").FillAsync("Depression, Seasons");
        await staff.GetByLabel("Medical reviewer").SelectOptionAsync(new SelectOptionValue { Label = "Dr Browser Reviewer, MD" });
        await staff.GetByLabel("Review date").FillAsync(DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await staff.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await staff.Locator(".preview").WaitForAsync();

        var preview = staff.Locator(".preview");
        Assert.Equal("Light therapy", await preview.Locator(".post-body h2").InnerTextAsync());
        Assert.Equal(2, await preview.Locator(".post-body li").CountAsync());

        await staff.GetByLabel("Status").SelectOptionAsync("Published");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await staff.WaitForURLAsync("**/edit?done=saved");
        Assert.Equal("Saved.", await staff.Locator(".notice-success[role=status]").InnerTextAsync());

        var (reader, readerProblems) = await blog.NewPageAsync(width: 375, height: 812);
        await reader.GotoAsync("/");
        await reader.GetByRole(AriaRole.Link, new() { Name = "Managing Winter Blues" }).ClickAsync();
        await reader.WaitForURLAsync("**/posts/managing-winter-blues");
        Assert.Equal("Managing Winter Blues", await reader.Locator("h1").InnerTextAsync());
        Assert.Contains("Medically reviewed by Dr Browser Reviewer, MD", await reader.Locator(".reviewed").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(problems);
        Assert.Empty(readerProblems);
    }
}
