using System.Diagnostics;

namespace ClinicBlog.Web.Tests;

/// <summary>Runs the Nu HTML Checker (vnu.jar, from the npm package vnu-jar, on Java) over the rendered
/// reader pages. `tests/run` (the README's test command) installs both when missing.</summary>
[Trait("Category", "Slow")]
public sealed class HtmlValidityTests(BlogFactory factory) : IClassFixture<BlogFactory>
{
    private static readonly string[] Pages =
    [
        "/", TestContent.SeedUrl, "/authors/editorial-team", "/tags/ketamine", "/search?q=ketamine", "/archive", "/no-such-page",
        "/account/login", TestContent.SeedUrl + "?replyTo=1", "/privacy", "/comment-policy",
    ];

    private static readonly string[] StaffPages =
    [
        "/admin", "/admin/comments", "/admin/comments/1", "/admin/comments/1/redact", "/admin/posts", "/admin/notifications",
        "/admin/privacy", "/admin/redirects", "/admin/redirects/new", "/admin/pages", "/admin/pages/new", "/admin/menu", "/admin/settings", "/account/notifications", "/account/security", "/admin/posts/1/edit", "/admin/posts/1/review",
        "/admin/import", "/admin/posts/review-due",
    ];

    [Fact]
    public async Task The_nu_html_checker_reports_no_errors_on_the_reader_and_staff_pages()
    {
        var jar = FindVnuJar();
        var folder = Directory.CreateTempSubdirectory("clinicblog-vnu-");
        try
        {
            using var reader = factory.CreateBrowserlikeClient();
            using var staff = await factory.SignedInAdminAsync();
            // A published site page, in the header menu too, so its page, its editor and the menu are checked with content.
            await staff.SubmitExpectingSuccessAsync((await staff.GetDocumentAsync("/admin/pages/new")).Form(".editor-form"), new Dictionary<string, string>
            {
                ["Title"] = "About us", ["Summary"] = "Who we are.", ["Body"] = "## Our team\n\n- Nurses\n- Psychiatrists", ["Status"] = "Published",
            }, "button[value=save]");
            await staff.SubmitExpectingSuccessAsync((await staff.GetDocumentAsync("/admin/menu")).Form("form.form-page"), new Dictionary<string, string> { ["Target"] = "/about-us" });
            // The WordPress fixture imported: its articles (converted content, kept HTML) and the import report are checked too.
            var imported = await staff.ImportAsync(WordPressExports.Fixture);
            var report = Path.Combine(folder.FullName, "import-report.html");
            await File.WriteAllTextAsync(report, await staff.GetStringAsync(new Uri(imported.Url).PathAndQuery));
            var pages = Pages.Concat(["/about-us", "/posts/sleep-and-anxiety", "/posts/understanding-anxiety"]).Select(url => (Client: reader, Url: url))
                .Concat(StaffPages.Append("/admin/pages/1/edit").Select(url => (Client: staff, Url: url))).ToList();
            var files = new List<string> { report };
            for (var i = 0; i < pages.Count; i++)
            {
                using var response = await pages[i].Client.GetAsync(pages[i].Url);
                Assert.True(response.IsSuccessStatusCode || pages[i].Url == "/no-such-page", $"{pages[i].Url} answered {response.StatusCode}");
                var file = Path.Combine(folder.FullName, $"page{i}.html");
                await File.WriteAllTextAsync(file, await response.Content.ReadAsStringAsync());
                files.Add(file);
            }

            var start = new ProcessStartInfo("java") { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in new[] { "-jar", jar, "--errors-only", "--format", "text" }.Concat(files))
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var errors = await process.StandardError.ReadToEndAsync() + await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            for (var i = 0; i < pages.Count; i++)
            {
                errors = errors.Replace(files[i + 1], pages[i].Url, StringComparison.Ordinal);
            }

            Assert.True(process.ExitCode == 0, "vnu found errors:\n" + errors);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string FindVnuJar()
    {
        var configured = Environment.GetEnvironmentVariable("VNU_JAR");
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ClinicBlog.sln")))
            {
                var jar = Path.Combine(dir.FullName, ".tools", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");
                Assert.True(File.Exists(jar), $"vnu.jar is missing: run `npm install --prefix .tools vnu-jar` in {dir.FullName} (CI does), or set VNU_JAR.");
                return jar;
            }
        }

        throw new InvalidOperationException("ClinicBlog.sln not found above the test binaries.");
    }
}
