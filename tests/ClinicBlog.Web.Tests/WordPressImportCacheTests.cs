using System.Net;
using System.Text;

namespace ClinicBlog.Web.Tests;

/// <summary>With the output cache on (as in production), what an import brings in shows at once: the
/// cached lists are evicted when the import's transaction commits, the redirects and footer reloaded.</summary>
public sealed class WordPressImportCacheTests(WordPressImportCacheTests.CachedBlog factory) : IClassFixture<WordPressImportCacheTests.CachedBlog>
{
    public sealed class CachedBlog : BlogFactory
    {
        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Blog:OutputCache"] = "true" };
    }

    [Fact]
    public async Task Cached_reader_pages_show_the_imported_articles_and_pages_at_once()
    {
        using var reader = factory.CreateBrowserlikeClient(followRedirects: false);
        Assert.DoesNotContain("Cached before the import", await reader.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.DoesNotContain("Cached before the import", await reader.GetStringAsync("/archive"), StringComparison.Ordinal);
        using (var before = await reader.GetAsync("/?p=701"))
        {
            Assert.NotEqual(HttpStatusCode.MovedPermanently, before.StatusCode);
        }

        var page = """

            <item><title>Our team</title><link>https://small.example/our-team/</link><dc:creator>jo</dc:creator>
            <content:encoded><![CDATA[<p>Nurses and psychiatrists.</p>]]></content:encoded><wp:post_id>702</wp:post_id>
            <wp:post_date_gmt>2024-03-01 09:00:00</wp:post_date_gmt><wp:post_name>our-team</wp:post_name><wp:status>publish</wp:status><wp:post_type>page</wp:post_type></item>
            """;
        using var admin = await factory.SignedInAdminAsync();
        var report = await admin.ImportAsync(Encoding.UTF8.GetBytes(WordPressExports.Wrap(
            WordPressExports.Post(701, "Cached before the import", "cached-before-the-import", "<p>Imported while the home page was cached.</p>"), page)));
        Assert.Null(report.FieldError("file"));

        Assert.Contains("Cached before the import", await reader.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Contains("Cached before the import", await reader.GetStringAsync("/archive"), StringComparison.Ordinal);
        // The footer lists the published pages: the imported one too.
        Assert.NotNull((await reader.GetDocumentAsync("/")).QuerySelector("footer a[href='/our-team']"));
        using var old = await reader.GetAsync("/?p=701");
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal("/posts/cached-before-the-import", old.Headers.Location!.OriginalString);
    }
}
