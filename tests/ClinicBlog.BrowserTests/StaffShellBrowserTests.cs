using Microsoft.Playwright;

namespace ClinicBlog.BrowserTests;

/// <summary>The staff shell as people use it: a sidebar on a desktop, a menu that opens on a phone (no
/// JavaScript), the current section marked, and no axe violations in light and dark at both sizes.</summary>
[Trait("Category", "Slow")]
public sealed class StaffShellBrowserTests(LiveBlog blog) : IClassFixture<LiveBlog>
{
    [Theory]
    [InlineData(1280, "light")]
    [InlineData(1280, "dark")]
    [InlineData(320, "light")]
    [InlineData(320, "dark")]
    public async Task Staff_pages_have_no_axe_violations(int width, string scheme)
    {
        var page = await SignedInPageAsync(width, scheme);
        foreach (var path in new[] { "/admin", "/admin/posts", "/admin/posts/new", "/admin/comments", "/account/security", "/admin/pages/new", "/admin/menu", "/admin/redirects/new", "/admin/settings", "/admin/import" })
        {
            await page.GotoAsync(path);
            if (path is "/admin/posts/new" or "/admin/pages/new")
            {
                // Audited with the editor loaded: its toolbar, text, tabs and the live preview's first answer.
                await page.Locator("[data-live-preview] .md-preview-body > *").First.WaitForAsync(new() { State = WaitForSelectorState.Attached });
            }

            var violations = await LiveBlog.AxeViolationsAsync(page);
            Assert.True(violations.Count == 0, $"{path} at {width}px ({scheme}): " + string.Join("\n", violations));
        }

        // On a phone the live preview is a tab of its own: audited open too.
        if (width < 960)
        {
            await page.GotoAsync("/admin/posts/new");
            await page.GetByRole(AriaRole.Tab, new() { Name = "Preview" }).ClickAsync();
            await page.Locator("[data-live-preview] .md-preview-body > *").First.WaitForAsync();
            var violations = await LiveBlog.AxeViolationsAsync(page);
            Assert.True(violations.Count == 0, $"the editor's preview tab at {width}px ({scheme}): " + string.Join("\n", violations));
        }

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_desktop_shows_the_sidebar_with_the_current_section_marked()
    {
        var page = await SignedInPageAsync(1280, "light");
        await page.GotoAsync("/admin/posts/new");
        var sidebar = page.Locator("nav.staff-nav-sidebar");

        Assert.True(await sidebar.IsVisibleAsync());
        Assert.False(await page.Locator("details.staff-menu").IsVisibleAsync());
        Assert.Equal(["Start", "Write", "Community", "Team", "Site", "Me"], (await sidebar.Locator(".staff-nav-heading").AllTextContentsAsync()).Select(t => t.Trim()));
        Assert.Equal("page", await sidebar.GetByRole(AriaRole.Link, new() { Name = "Posts" }).GetAttributeAsync("aria-current"));
        Assert.Null(await sidebar.GetByRole(AriaRole.Link, new() { Name = "Dashboard" }).GetAttributeAsync("aria-current"));
        await LiveBlog.SaveScreenshotAsync(page, "staff-shell.png");

        await sidebar.GetByRole(AriaRole.Link, new() { Name = "Comments" }).ClickAsync();
        await page.WaitForURLAsync("**/admin/comments");
        Assert.Equal("page", await sidebar.GetByRole(AriaRole.Link, new() { Name = "Comments" }).GetAttributeAsync("aria-current"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_phone_opens_the_menu_with_the_keyboard_and_without_javascript()
    {
        var context = await blog.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = blog.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 320, Height = 700 },
            JavaScriptEnabled = false,
        });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        await LiveBlog.SignInAsync(page);
        var menu = page.Locator("details.staff-menu");

        Assert.False(await page.Locator("nav.staff-nav-sidebar").IsVisibleAsync());
        Assert.False(await menu.GetByRole(AriaRole.Link, new() { Name = "Posts" }).IsVisibleAsync());
        await menu.Locator("summary").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        Assert.True(await menu.GetByRole(AriaRole.Link, new() { Name = "Posts" }).IsVisibleAsync());
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 320, $"the page scrolls sideways at 320 px ({width} px wide)");
        await LiveBlog.SaveScreenshotAsync(page, "staff-menu-phone.png");

        await menu.GetByRole(AriaRole.Link, new() { Name = "Posts" }).ClickAsync();
        await page.WaitForURLAsync("**/admin/posts");
        await context.CloseAsync();
    }

    private async Task<IPage> SignedInPageAsync(int width, string scheme)
    {
        var context = await blog.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = blog.BaseAddress.ToString(),
            ColorScheme = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light,
            ViewportSize = new ViewportSize { Width = width, Height = 800 },
        });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        await LiveBlog.SignInAsync(page);
        return page;
    }

}
