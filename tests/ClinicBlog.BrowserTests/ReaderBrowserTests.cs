using System.Net;
using Microsoft.Playwright;

namespace ClinicBlog.BrowserTests;

[Trait("Category", "Slow")]
public sealed class ReaderBrowserTests(LiveBlog blog) : IClassFixture<LiveBlog>
{
    private static readonly string[] SectionHeadings =
    [
        "Understanding Ketamine IV Treatment",
        "Benefits of Ketamine IV Treatment",
        "Potential Side Effects and Considerations",
    ];

    [Fact]
    public async Task A_reader_opens_the_home_page_clicks_the_article_and_reads_it_with_its_comment()
    {
        var (page, problems) = await blog.NewPageAsync();

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "What Is Ketamine IV Treatment" }).ClickAsync();
        await page.WaitForURLAsync("**/posts/what-is-ketamine-iv-treatment");

        Assert.Equal("What Is Ketamine IV Treatment", await page.Locator("h1").InnerTextAsync());
        Assert.Equal(SectionHeadings, await page.Locator(".post-body h2").AllInnerTextsAsync());
        var comment = page.Locator(".comment");
        Assert.Equal("David", await comment.Locator(".comment-author").InnerTextAsync());
        Assert.Equal("June 14, 2024", await comment.Locator("time").InnerTextAsync());
        Assert.Contains("Thanks for sharing!", await comment.Locator(".comment-body").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator(".notice-crisis").IsVisibleAsync());
        // The stylesheet really applied (a refused or empty stylesheet logs nothing to the console).
        Assert.Equal("absolute", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.skip-link')).position"));
        Assert.Empty(problems);

        await LiveBlog.SaveScreenshotAsync(page, "post-desktop.png");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/posts/what-is-ketamine-iv-treatment")]
    [InlineData("/authors/editorial-team")]
    [InlineData("/account/login")]
    [InlineData("/no-such-page")]
    [InlineData("/search?q=ketamine")]
    [InlineData("/archive")]
    public async Task Pages_do_not_scroll_sideways_on_a_375px_phone_and_log_no_errors(string path)
    {
        var (narrow, _) = await blog.NewPageAsync(width: 320, height: 700);
        await narrow.GotoAsync(path);
        Assert.True(await narrow.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 320, $"{path} scrolls sideways at 320 px");

        var (page, problems) = await blog.NewPageAsync(width: 375, height: 812);

        await page.GotoAsync(path);
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        var clientWidth = await page.EvaluateAsync<int>("() => document.documentElement.clientWidth");

        Assert.True(scrollWidth <= clientWidth, $"{path}: the page is {scrollWidth}px wide in a {clientWidth}px viewport");
        // The 404 page is expected to answer 404; anything else the browser reports is a defect.
        Assert.DoesNotContain(problems, p => !(path == "/no-such-page" && p.Contains("404", StringComparison.Ordinal)));
        if (path == "/posts/what-is-ketamine-iv-treatment")
        {
            await LiveBlog.SaveScreenshotAsync(page, "post-phone.png");
        }
    }

    [Fact]
    public async Task The_skip_link_is_the_first_thing_the_keyboard_reaches_and_moves_focus_to_the_content()
    {
        var (page, _) = await blog.NewPageAsync();
        await page.GotoAsync("/posts/what-is-ketamine-iv-treatment");

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to content", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        await page.Keyboard.PressAsync("Enter");

        Assert.Equal("main", await page.EvaluateAsync<string>("() => document.activeElement.id"));
    }

    [Fact]
    public async Task A_null_byte_in_the_url_is_refused_by_the_real_server_without_an_error()
    {
        using var client = new HttpClient { BaseAddress = blog.BaseAddress };

        using var response = await client.GetAsync("/posts/%00");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
