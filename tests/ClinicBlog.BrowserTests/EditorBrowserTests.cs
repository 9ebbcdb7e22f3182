using ClinicBlog.Core.Authors;
using ClinicBlog.Core.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ClinicBlog.BrowserTests;

/// <summary>The post editor in a real browser: the toolbar and its shortcuts, the live preview, an image
/// pasted with its description asked for, an autosave restored after the tab closed, publishing; the
/// keyboard alone; and the same post written with JavaScript off.</summary>
[Trait("Category", "Slow")]
public sealed class EditorBrowserTests(LiveBlog blog) : IClassFixture<LiveBlog>
{
    private const string AltLabel = "Description for people who cannot see it (alt text)";

    [Fact]
    public async Task A_post_is_written_with_the_toolbar_previewed_live_given_a_pasted_image_restored_and_published()
    {
        await AddReviewerAsync("Dr Editor Reviewer");
        var (page, problems) = await SignedInPageAsync();
        await page.GotoAsync("/admin/posts/new");
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Caring for your IV site");

        // The toolbar: a line made bold, then a bulleted item.
        await MarkdownEditor.Text(page).ClickAsync();
        await page.Keyboard.TypeAsync("Keep the dressing dry");
        await page.Keyboard.PressAsync("Shift+Home");
        await page.GetByRole(AriaRole.Button, new() { Name = "Bold" }).ClickAsync();
        await page.Keyboard.PressAsync("End");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Enter");
        await page.GetByRole(AriaRole.Button, new() { Name = "Bulleted list" }).ClickAsync();
        await page.Keyboard.TypeAsync("Call us if it swells");
        Assert.Equal("**Keep the dressing dry**\n\n- Call us if it swells", await MarkdownEditor.ValueAsync(page));

        // The live preview follows, rendered by the server.
        var preview = page.Locator("[data-live-preview]");
        await Assertions.Expect(preview.Locator(".post-body strong")).ToHaveTextAsync("Keep the dressing dry");
        await Assertions.Expect(preview.Locator(".post-body li")).ToHaveTextAsync("Call us if it swells");
        await Assertions.Expect(page.Locator("[data-word-count]")).ToHaveTextAsync("9 words · 1 min read");

        // An image pasted into the text: its description is asked for before it is inserted.
        await PasteImageAsync(page, "dressing.png");
        var dialog = page.Locator("[data-image-dialog]");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Insert image" }).ClickAsync();
        await Assertions.Expect(dialog.Locator("[data-image-error]")).ToContainTextAsync("Describe the image");
        await dialog.GetByLabel(AltLabel).FillAsync("A clean, dry dressing over an IV site");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Insert image" }).ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await Assertions.Expect(preview.Locator(".post-body img")).ToHaveAttributeAsync("alt", "A clean, dry dressing over an IV site");
        Assert.Matches(@"!\[A clean, dry dressing over an IV site\]\(/media/[0-9a-f]{32}\.png\)", await MarkdownEditor.ValueAsync(page));
        await LiveBlog.SaveScreenshotAsync(page, "editor.png");

        // More words, kept by autosave (the post was never saved); the tab closes; reopening offers them back.
        await MarkdownEditor.Text(page).ClickAsync();
        await page.Keyboard.PressAsync("Control+End");
        await page.Keyboard.TypeAsync(" Change it every two days.");
        await Assertions.Expect(page.Locator("[data-autosave-status]")).ToContainTextAsync("Saved · ", new() { Timeout = 30_000 });
        await page.CloseAsync(new() { RunBeforeUnload = false });
        var reopened = await page.Context.NewPageAsync();
        await reopened.GotoAsync("/admin/posts/new");
        await reopened.Locator("[data-autosave-offer]").GetByRole(AriaRole.Link, new() { Name = "Restore them" }).ClickAsync();
        Assert.Equal("Caring for your IV site", await reopened.GetByLabel("Title", new() { Exact = true }).InputValueAsync());
        Assert.EndsWith("Change it every two days.", await MarkdownEditor.ValueAsync(reopened), StringComparison.Ordinal);
        await Assertions.Expect(reopened.Locator("[data-live-preview] .post-body img")).ToHaveAttributeAsync("alt", "A clean, dry dressing over an IV site");

        await reopened.GetByLabel("Medical reviewer").SelectOptionAsync(new SelectOptionValue { Label = "Dr Editor Reviewer, MD" });
        await reopened.GetByLabel("Review date").FillAsync(DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await reopened.GetByLabel("Status").SelectOptionAsync("Published");
        await reopened.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await reopened.WaitForURLAsync("**/edit?done=saved");
        Assert.Equal(0, await reopened.Locator("[data-autosave-offer]").CountAsync());

        var (reader, readerProblems) = await blog.NewPageAsync(width: 375, height: 812);
        await reader.GotoAsync("/posts/caring-for-your-iv-site");
        Assert.Equal("Keep the dressing dry", await reader.Locator(".post-body strong").InnerTextAsync());
        Assert.Equal("A clean, dry dressing over an IV site", await reader.Locator(".post-body img").GetAttributeAsync("alt"));
        Assert.Contains("Change it every two days.", await reader.Locator(".post-body").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await reader.Locator("script:not([type='application/ld+json'])").CountAsync());
        Assert.Empty(problems);
        Assert.Empty(readerProblems);
    }

    [Fact]
    public async Task Reader_pages_request_nothing_of_the_editor_even_in_a_staff_members_browser()
    {
        var (page, problems) = await SignedInPageAsync();
        await page.GotoAsync("/admin/posts/new");
        await MarkdownEditor.Text(page).WaitForAsync();
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(new Uri(request.Url).AbsolutePath);

        foreach (var path in new[] { "/", "/posts/what-is-ketamine-iv-treatment", "/search?q=ketamine", "/archive" })
        {
            requests.Clear();
            await page.GotoAsync(path);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            Assert.Equal(0, await page.Locator("script:not([type='application/ld+json'])").CountAsync());
            Assert.Equal(0, await page.Locator("style").CountAsync());
            // The page itself, the one reader stylesheet, its icon and images: no script, no staff stylesheet.
            var others = requests.Skip(1).Where(r => !r.StartsWith("/media/", StringComparison.Ordinal) && !r.StartsWith("/favicon", StringComparison.Ordinal)).ToList();
            Assert.True(others.Count == 1 && others[0].StartsWith("/css/site.", StringComparison.Ordinal), $"{path} requested {string.Join(", ", requests)}");
        }

        Assert.Empty(problems);
    }

    [Fact]
    public async Task An_image_is_picked_from_the_media_library_with_its_description()
    {
        var (page, problems) = await SignedInPageAsync();
        await page.GotoAsync("/admin/media");
        await page.GetByLabel("Image (JPEG, PNG, WebP or GIF, up to 5 MB)").SetInputFilesAsync(new FilePayload { Name = "waiting-room.png", MimeType = "image/png", Buffer = Png });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
        await page.WaitForURLAsync("**/admin/media?uploaded=*");

        await page.GotoAsync("/admin/posts/new");
        await MarkdownEditor.Text(page).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Image" }).ClickAsync();
        var dialog = page.Locator("[data-image-dialog]");
        await dialog.GetByLabel("waiting-room.png (640×320)").First.CheckAsync();
        await dialog.GetByLabel(AltLabel).FillAsync("The clinic's waiting room");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Insert image" }).ClickAsync();

        Assert.Matches(@"^!\[The clinic's waiting room\]\(/media/[0-9a-f]{32}\.png\)$", await MarkdownEditor.ValueAsync(page));
        var shown = page.Locator("[data-live-preview] .post-body img");
        await Assertions.Expect(shown).ToHaveAttributeAsync("alt", "The clinic's waiting room");
        await Assertions.Expect(shown).ToHaveAttributeAsync("srcset", new System.Text.RegularExpressions.Regex(@"-480w\.png 480w, /media/[0-9a-f]{32}\.png 640w$"));
        Assert.Empty(problems);
    }

    [Fact]
    public async Task The_editor_is_used_with_the_keyboard_alone()
    {
        var (page, problems) = await SignedInPageAsync();
        await page.GotoAsync("/admin/posts/new");
        await page.GetByLabel("Title", new() { Exact = true }).FocusAsync();

        // Tab order: title, slug, summary, the toolbar (one stop), the text.
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Bold", await FocusedAsync(page, "aria-label"));
        await page.Keyboard.PressAsync("ArrowRight");
        Assert.Equal("Italic", await FocusedAsync(page, "aria-label"));
        await page.Keyboard.PressAsync("End");
        Assert.Equal("Image", await FocusedAsync(page, "aria-label"));
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("true", await FocusedAsync(page, "contenteditable"));

        // Shortcuts: a heading, bold text and a reference.
        await page.Keyboard.PressAsync("Control+Alt+2");
        await page.Keyboard.TypeAsync("After your infusion");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Control+b");
        await page.Keyboard.TypeAsync("Rest");
        await page.Keyboard.PressAsync("End");
        await page.Keyboard.PressAsync("Control+Alt+r");
        Assert.Equal("## After your infusion\n\n**Rest**[^1]\n\n[^1]: Author, title, journal, year.", await MarkdownEditor.ValueAsync(page));

        // The image dialog opens from the keyboard, keeps focus inside, and Escape returns to the text.
        await page.Keyboard.PressAsync("Control+Alt+i");
        var dialog = page.Locator("[data-image-dialog]");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        Assert.Equal("md-image-file", await FocusedAsync(page, "id"));
        await LiveBlog.SaveScreenshotAsync(page, "editor-image-dialog.png");
        var violations = await LiveBlog.AxeViolationsAsync(page);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        Assert.Equal("true", await FocusedAsync(page, "contenteditable"));
        Assert.Empty(problems);
    }

    [Fact]
    public async Task On_a_phone_the_text_and_the_preview_are_tabs()
    {
        var (page, problems) = await SignedInPageAsync(width: 375, height: 812);
        await page.GotoAsync("/admin/posts/new");
        await MarkdownEditor.Text(page).ClickAsync();
        await page.Keyboard.TypeAsync("## On a phone");
        Assert.False(await page.Locator("[data-live-preview]").IsVisibleAsync());

        await page.GetByRole(AriaRole.Tab, new() { Name = "Preview" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-live-preview] .post-body h2")).ToHaveTextAsync("On a phone");
        Assert.False(await MarkdownEditor.Text(page).IsVisibleAsync());
        Assert.Equal("true", await page.GetByRole(AriaRole.Tab, new() { Name = "Preview" }).GetAttributeAsync("aria-selected"));
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));
        await LiveBlog.SaveScreenshotAsync(page, "editor-phone.png");
        Assert.Empty(problems);
    }

    [Fact]
    public async Task The_same_post_is_written_previewed_and_saved_with_javascript_off()
    {
        var context = await blog.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = blog.BaseAddress.ToString(), JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await LiveBlog.SignInAsync(page);
        await page.GotoAsync("/admin/posts/new");
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Caring for your IV site without script");
        await page.GetByLabel("Text (Markdown)").FillAsync("**Keep the dressing dry**\n\n- Call us if it swells\n\n![](/media/none.png)");
        Assert.Equal(0, await page.Locator("[data-editor]").CountAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        Assert.Equal("Keep the dressing dry", await page.Locator(".preview .post-body strong").InnerTextAsync());
        Assert.Equal("1", await page.Locator(".preview [data-images-without-alt]").GetAttributeAsync("data-images-without-alt"));
        Assert.Equal("**Keep the dressing dry**\n\n- Call us if it swells\n\n![](/media/none.png)", await page.GetByLabel("Text (Markdown)").InputValueAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/edit?done=saved");
        Assert.Equal("**Keep the dressing dry**\n\n- Call us if it swells\n\n![](/media/none.png)", await page.GetByLabel("Text (Markdown)").InputValueAsync());
        await context.CloseAsync();
    }

    private async Task<(IPage Page, List<string> Problems)> SignedInPageAsync(int width = 1280, int height = 900)
    {
        var (page, problems) = await blog.NewPageAsync(width, height);
        await LiveBlog.SignInAsync(page);
        return (page, problems);
    }


    private static Task<string?> FocusedAsync(IPage page, string attribute) =>
        page.EvaluateAsync<string?>("name => document.activeElement?.getAttribute(name) ?? null", attribute);

    /// <summary>Pastes an image file into the editor, as copying a picture and pressing Ctrl+V does.</summary>
    private static async Task PasteImageAsync(IPage page, string name) =>
        await page.EvaluateAsync(
            """
            ([base64, name]) => {
              const bytes = Uint8Array.from(atob(base64), c => c.charCodeAt(0));
              const transfer = new DataTransfer();
              transfer.items.add(new File([bytes], name, { type: "image/png" }));
              document.querySelector(".cm-content").dispatchEvent(new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true, cancelable: true }));
            }
            """,
            new object[] { Convert.ToBase64String(Png), name });

    /// <summary>A 640×320 PNG: a sky over a field, like a photo in an article.</summary>
    private static readonly byte[] Png = Picture();

    private static byte[] Picture()
    {
        using var bitmap = new SkiaSharp.SKBitmap(640, 320);
        using (var canvas = new SkiaSharp.SKCanvas(bitmap))
        {
            canvas.Clear(new SkiaSharp.SKColor(0x9E, 0xD0, 0xE6));
            using var field = new SkiaSharp.SKPaint { Color = new SkiaSharp.SKColor(0x5B, 0x8C, 0x3A) };
            canvas.DrawRect(0, 200, 640, 120, field);
            using var sun = new SkiaSharp.SKPaint { Color = new SkiaSharp.SKColor(0xF6, 0xC3, 0x3C) };
            canvas.DrawCircle(520, 80, 40, sun);
        }

        using var data = bitmap.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private async Task AddReviewerAsync(string name)
    {
        await using var scope = blog.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BlogDbContext>();
        db.Authors.Add(new Author { DisplayName = name, Slug = name.ToLowerInvariant().Replace(' ', '-'), Credentials = "MD" });
        await db.SaveChangesAsync();
    }
}
