using ClinicBlog.Core.Data;
using ClinicBlog.Core.Posts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ClinicBlog.BrowserTests;

/// <summary>The editor's autosave in a real browser: typing pauses, the text is kept, the tab is closed,
/// and reopening the post offers the text back.</summary>
[Trait("Category", "Slow")]
public sealed class AutosaveBrowserTests(LiveBlog blog) : IClassFixture<LiveBlog>
{
    [Fact]
    public async Task Text_typed_and_left_unsaved_is_offered_back_after_the_tab_closes()
    {
        var (page, problems) = await blog.NewPageAsync();
        await LiveBlog.SignInAsync(page);
        var id = await DraftIdAsync();

        await page.GotoAsync($"/admin/posts/{id}/edit");
        await MarkdownEditor.Text(page).FocusAsync();
        await page.Keyboard.PressAsync("Control+End");
        await page.Keyboard.TypeAsync(" Aftercare: rest for the day.");
        await Assertions.Expect(page.Locator("[data-autosave-status]")).ToContainTextAsync("Saved · ", new() { Timeout = 30_000 });
        await page.Context.Pages[0].CloseAsync(new() { RunBeforeUnload = false });

        var reopened = await page.Context.NewPageAsync();
        await reopened.GotoAsync($"/admin/posts/{id}/edit");
        await reopened.Locator("[data-autosave-offer]").GetByRole(AriaRole.Link, new() { Name = "Restore them" }).ClickAsync();
        Assert.Equal("Before. Aftercare: rest for the day.", await MarkdownEditor.ValueAsync(reopened));
        await reopened.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await reopened.WaitForURLAsync("**/edit?done=saved");
        Assert.Empty(problems);
    }

    private async Task<int> DraftIdAsync()
    {
        await using var scope = blog.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BlogDbContext>();
        var author = await db.Authors.Select(a => a.Id).FirstAsync();
        var post = new Post { Title = "Autosave in a browser", Slug = "autosave-in-a-browser", Body = "Before.", BodyHtml = "<p>Before.</p>", AuthorId = author, Status = PostStatus.Draft };
        db.Posts.Add(post);
        await db.SaveChangesAsync();
        return post.Id;
    }
}
