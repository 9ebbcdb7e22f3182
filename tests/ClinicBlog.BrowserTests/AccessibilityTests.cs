using Microsoft.Playwright;

namespace ClinicBlog.BrowserTests;

[Trait("Category", "Slow")]
public sealed class AccessibilityTests(LiveBlog blog) : IClassFixture<LiveBlog>
{
    public static TheoryData<string, string> Pages => new()
    {
        { "/", "light" },
        { "/", "dark" },
        { "/posts/what-is-ketamine-iv-treatment", "light" },
        { "/posts/what-is-ketamine-iv-treatment", "dark" },
        { "/authors/editorial-team", "light" },
        { "/tags/ketamine", "dark" },
        { "/search?q=ketamine", "light" },
        { "/search?q=ketamine", "dark" },
        { "/archive", "light" },
        { "/no-such-page", "light" },
        { "/account/login", "dark" },
        { "/privacy", "light" },
        { "/comment-policy", "dark" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Reader_pages_have_no_axe_violations_at_wcag_2_2_aa(string path, string scheme)
    {
        var context = await blog.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = blog.BaseAddress.ToString(),
            ColorScheme = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);

        var violations = await LiveBlog.AxeViolationsAsync(page);
        Assert.True(violations.Count == 0, $"{path} ({scheme}): " + string.Join("\n", violations));
        await context.CloseAsync();
    }

    [Fact]
    public async Task The_search_box_in_the_header_finds_the_article()
    {
        var (page, problems) = await blog.NewPageAsync(width: 320, height: 700);
        await page.GotoAsync("/tags/ketamine");

        var search = page.GetByRole(AriaRole.Searchbox, new() { Name = "Search articles" });
        await search.FillAsync("glutamate");
        // Enter on the box itself (not wherever the keyboard focus happens to be on a busy machine).
        await search.PressAsync("Enter");
        await page.WaitForURLAsync("**/search?q=glutamate");

        Assert.Equal("What Is Ketamine IV Treatment", await page.Locator(".search-result h2 a").First.InnerTextAsync());
        Assert.True(await page.Locator(".snippet mark").CountAsync() > 0);
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 320);
        Assert.Empty(problems);
    }
}
