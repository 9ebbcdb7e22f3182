using Microsoft.Playwright;

namespace ClinicBlog.BrowserTests;

/// <summary>An admin moves the clinic's WordPress site in from /admin/import; a reader on a phone follows
/// an old WordPress link and reads the imported article with its comment thread.</summary>
[Trait("Category", "Slow")]
public sealed class WordPressImportBrowserTests(LiveBlog blog) : IClassFixture<LiveBlog>
{
    [Fact]
    public async Task An_admin_imports_the_export_and_a_reader_follows_an_old_link_to_the_article()
    {
        var (staff, problems) = await blog.NewPageAsync();
        await LiveBlog.SignInAsync(staff);
        await staff.GetByRole(AriaRole.Link, new() { Name = "Import" }).ClickAsync();
        await staff.GetByLabel("WordPress export file").SetInputFilesAsync(Path.Combine(AppContext.BaseDirectory, "WordPress", "clinic-export.xml"));
        await staff.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Status)).ToContainTextAsync("Imported from https://oldclinic.example");
        var articles = staff.Locator("table.report-totals tr", new() { HasText = "Articles" });
        Assert.Equal("5", (await articles.Locator("td").First.InnerTextAsync()).Trim());
        await LiveBlog.SaveScreenshotAsync(staff, "import-report.png");
        var staffViolations = await LiveBlog.AxeViolationsAsync(staff);
        Assert.True(staffViolations.Count == 0, string.Join("\n", staffViolations));

        // Review due lists the imported articles: nobody signed them off here.
        await staff.GetByRole(AriaRole.Link, new() { Name = "Review due" }).First.ClickAsync();
        await Assertions.Expect(staff.Locator("tr", new() { HasText = "Sleep and anxiety" })).ToContainTextAsync("imported, not yet reviewed");

        var (reader, readerProblems) = await blog.NewPageAsync(width: 375, height: 812);
        await reader.GotoAsync("/2024/06/10/sleep-and-anxiety/");
        await reader.WaitForURLAsync("**/posts/sleep-and-anxiety");
        Assert.Equal("Sleep and anxiety: what helps", await reader.Locator("main h1").InnerTextAsync());
        await Assertions.Expect(reader.Locator(".review-stale")).ToContainTextAsync("not yet been medically reviewed here");
        await Assertions.Expect(reader.Locator("ol.comment-list > li")).ToHaveCountAsync(1);
        await Assertions.Expect(reader.Locator("ol.comment-replies .comment-author")).ToHaveTextAsync(["Dr. Anita Patel", "Maria"]);
        var violations = await LiveBlog.AxeViolationsAsync(reader);
        Assert.True(violations.Count == 0, string.Join("\n", violations));

        // An old category link leads to the tag, listing both imported anxiety articles.
        await reader.GotoAsync("/tag/anxiety/");
        await reader.WaitForURLAsync("**/tags/anxiety");
        await Assertions.Expect(reader.Locator(".post-card-title")).ToHaveCountAsync(2);
        Assert.Empty(problems);
        // Imported without --uploads, the article's image is still the old site's (the report lists it), and
        // the Content-Security-Policy keeps the browser from fetching it: readers' pages load nothing from
        // elsewhere. (The fixture's hostile <img src=x onerror=…> is a broken image, as it was on WordPress.)
        Assert.True(readerProblems.All(p => p.Contains("https://oldclinic.example/wp-content/uploads/", StringComparison.Ordinal) || p.Contains("/posts/x:", StringComparison.Ordinal)), string.Join("\n", readerProblems));
        Assert.Contains(readerProblems, p => p.Contains("violates the following Content Security Policy", StringComparison.Ordinal));
    }
}
