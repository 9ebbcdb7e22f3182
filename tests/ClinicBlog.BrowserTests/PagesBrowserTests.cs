using Microsoft.Playwright;

namespace ClinicBlog.BrowserTests;

/// <summary>A site page written in the editor, found by a reader on a phone through the footer, then put in
/// the header menu from /admin/menu.</summary>
[Trait("Category", "Slow")]
public sealed class PagesBrowserTests(LiveBlog blog) : IClassFixture<LiveBlog>
{
    [Fact]
    public async Task Staff_publish_an_about_page_and_a_reader_finds_it_in_the_footer()
    {
        var (staff, problems) = await blog.NewPageAsync();
        await LiveBlog.SignInAsync(staff);
        await staff.GetByRole(AriaRole.Link, new() { Name = "Pages" }).First.ClickAsync();
        await staff.GetByRole(AriaRole.Link, new() { Name = "Write a page" }).ClickAsync();
        await staff.GetByLabel("Title", new() { Exact = true }).FillAsync("About us");
        await staff.GetByLabel("Summary").FillAsync("Who we are and how we care for you.");
        await MarkdownEditor.Text(staff).ClickAsync();
        await staff.Keyboard.TypeAsync("Our team of nurses and psychiatrists has cared for patients since 2012.");
        await Assertions.Expect(staff.Locator("[data-live-preview] .post-body p")).ToContainTextAsync("since 2012");
        await staff.GetByLabel("Status").SelectOptionAsync("Published");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await staff.WaitForURLAsync("**/admin/pages/*/edit?done=saved");

        var (reader, readerProblems) = await blog.NewPageAsync(width: 375, height: 812);
        await reader.GotoAsync("/");
        await reader.Locator("footer").GetByRole(AriaRole.Link, new() { Name = "About us" }).ClickAsync();
        await reader.WaitForURLAsync("**/about-us");
        Assert.Equal("About us", await reader.Locator("main h1").InnerTextAsync());
        Assert.Contains("since 2012", await reader.Locator(".post-body").InnerTextAsync(), StringComparison.Ordinal);
        await LiveBlog.SaveScreenshotAsync(reader, "page-phone.png");
        var violations = await LiveBlog.AxeViolationsAsync(reader);
        Assert.True(violations.Count == 0, string.Join("\n", violations));

        // The page put in the header menu, after Articles.
        await staff.GotoAsync("/admin/menu");
        await staff.GetByLabel("Leads to").SelectOptionAsync(new SelectOptionValue { Label = "Articles" });
        await staff.GetByRole(AriaRole.Button, new() { Name = "Add the link" }).ClickAsync();
        await staff.GetByLabel("Leads to").SelectOptionAsync(new SelectOptionValue { Label = "About us" });
        await staff.GetByRole(AriaRole.Button, new() { Name = "Add the link" }).ClickAsync();
        await Assertions.Expect(staff.Locator("[data-menu=Header] li")).ToHaveCountAsync(2);
        await LiveBlog.SaveScreenshotAsync(staff, "menu.png");

        await reader.GotoAsync("/archive");
        Assert.Equal(["Articles", "About us"], (await reader.Locator("header nav .site-nav a").AllInnerTextsAsync()).Select(t => t.Trim()));
        await reader.Locator("header nav").GetByRole(AriaRole.Link, new() { Name = "About us" }).ClickAsync();
        await reader.WaitForURLAsync("**/about-us");
        Assert.Equal("page", await reader.Locator("header nav a[href='/about-us']").GetAttributeAsync("aria-current"));
        await staff.GotoAsync("/admin/settings");
        await LiveBlog.SaveScreenshotAsync(staff, "settings.png");
        Assert.Empty(problems);
        Assert.Empty(readerProblems);
    }
}
