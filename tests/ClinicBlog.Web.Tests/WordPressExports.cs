using System.Text;
using AngleSharp.Dom;

namespace ClinicBlog.Web.Tests;

/// <summary>WordPress export files for the import tests: the hand-written WXR 1.2 fixture (a clinic's
/// site with every kind of item) and small ones built for one case.</summary>
public static class WordPressExports
{
    /// <summary>The fixture: two authors, categories and tags, posts (block-editor and classic content,
    /// shortcodes, a draft, a scheduled, a private and a trashed one, the seeded article), two pages, an
    /// image attachment and comments of every status, threaded three deep.</summary>
    public static string FixturePath => Path.Combine(AppContext.BaseDirectory, "WordPress", "clinic-export.xml");

    public static byte[] Fixture => File.ReadAllBytes(FixturePath);

    /// <summary>A minimal export holding <paramref name="items"/> (each an <c>&lt;item&gt;</c> element).</summary>
    public static string Wrap(params string[] items) =>
        """
        <?xml version="1.0" encoding="UTF-8" ?>
        <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
        <channel>
        <title>Small clinic</title>
        <wp:wxr_version>1.2</wp:wxr_version>
        <wp:base_site_url>https://small.example</wp:base_site_url>
        <wp:author><wp:author_login>jo</wp:author_login><wp:author_email>jo@small.example</wp:author_email><wp:author_display_name>Jo</wp:author_display_name></wp:author>
        """ + string.Concat(items) + "\n</channel>\n</rss>\n";

    /// <summary>One published post item.</summary>
    public static string Post(int id, string title, string slug, string content, string comments = "") =>
        $"""

        <item>
        <title><![CDATA[{title}]]></title>
        <link>https://small.example/{slug}/</link>
        <dc:creator>jo</dc:creator>
        <content:encoded><![CDATA[{content}]]></content:encoded>
        <wp:post_id>{id}</wp:post_id>
        <wp:post_date>2024-03-01 10:00:00</wp:post_date>
        <wp:post_date_gmt>2024-03-01 09:00:00</wp:post_date_gmt>
        <wp:comment_status>open</wp:comment_status>
        <wp:post_name>{slug}</wp:post_name>
        <wp:status>publish</wp:status>
        <wp:post_type>post</wp:post_type>
        {comments}
        </item>
        """;

    /// <summary>Posts an export to /admin/import through its form, as a browser does.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient admin, byte[] export, string name = "export.xml")
    {
        ArgumentNullException.ThrowIfNull(admin);
        var page = await admin.GetDocumentAsync("/admin/import");
        var token = page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("form.form input[name=__RequestVerificationToken]")!.Value;
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(export);
        file.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("text/xml");
        content.Add(file, "file", name);
        content.Add(new StringContent(token), "__RequestVerificationToken");
        return await admin.PostAsync("/admin/import", content);
    }

    /// <summary>Uploads an export at /admin/import and follows its page until the import is done: the
    /// page then holds the report, or the refusal next to the file field.</summary>
    public static async Task<IDocument> ImportAsync(this HttpClient admin, byte[] export)
    {
        ArgumentNullException.ThrowIfNull(admin);
        using var response = await admin.UploadAsync(export);
        var address = response.StatusCode is System.Net.HttpStatusCode.Redirect or System.Net.HttpStatusCode.SeeOther
            ? response.Headers.Location!.OriginalString
            : response.RequestMessage!.RequestUri!.PathAndQuery;
        Assert.Matches("^/admin/import/[0-9a-f-]{36}$", address);
        var page = await admin.GetDocumentAsync(address);
        for (var waited = 0; page.QuerySelector("[data-import-running]") is not null; waited += 50)
        {
            Assert.True(waited < 120_000, "The import was still running after two minutes.");
            await Task.Delay(50);
            page = await admin.GetDocumentAsync(address);
        }

        return page;
    }

    /// <summary>The import page's report totals: row heading → (imported, already here).</summary>
    public static Dictionary<string, (string Imported, string Here)> Totals(IDocument page) =>
        page.QuerySelectorAll("table.report-totals tbody tr").ToDictionary(
            r => r.QuerySelector("th")!.TextContent.Trim(),
            r => (r.QuerySelectorAll("td")[0].TextContent.Trim(), r.QuerySelectorAll("td")[1].TextContent.Trim()));
}
