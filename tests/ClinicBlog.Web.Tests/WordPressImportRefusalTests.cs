using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace ClinicBlog.Web.Tests;

/// <summary>Broken and hostile export files: refused with what and where, the blog left exactly as it
/// was (one transaction), never a 500. And the slug rules when the blog already has an article there.</summary>
public sealed class WordPressImportRefusalTests(WordPressImportRefusalTests.Blog blog) : IClassFixture<WordPressImportRefusalTests.Blog>
{
    public sealed class Blog : IAsyncLifetime
    {
        public BlogFactory Factory { get; } = new();

        public HttpClient Admin { get; private set; } = null!;

        public async Task InitializeAsync() => Admin = await Factory.SignedInAdminAsync();

        public async Task DisposeAsync()
        {
            Admin.Dispose();
            await Factory.DisposeAsync();
        }
    }

    public static TheoryData<string, string, string> HostileFiles => new()
    {
        {
            "external entity (XXE)",
            "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n<rss><channel><item><title>&xxe;</title></item></channel></rss>",
            "Line 2"
        },
        {
            "entity expansion (billion laughs)",
            "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\"><!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>\n<rss><channel><title>&lol3;</title></channel></rss>",
            "Line 2"
        },
        { "not XML at all", "<html><body><p>Hello</p></body></html>", "not a WordPress export" },
        { "an RSS feed, not an export", "<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>x</title></feed>", "not a WordPress export" },
        { "binary junk", "\u0000\u0001\u0002PK\u0003\u0004", "Line 1" },
    };

    [Theory]
    [MemberData(nameof(HostileFiles))]
    public async Task A_hostile_or_foreign_file_is_refused_with_where_and_nothing_changes(string what, string file, string message)
    {
        var before = await CountsAsync();
        var page = await blog.Admin.ImportAsync(Encoding.UTF8.GetBytes(file));
        var error = page.FieldError("file");
        Assert.True(error is not null, what);
        Assert.Contains("Nothing was imported", error, StringComparison.Ordinal);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Fifty_megabytes_of_garbage_are_refused_at_their_first_line()
    {
        var before = await CountsAsync();
        var garbage = new byte[50 * 1024 * 1024];
        new Random(15).NextBytes(garbage);
        var error = (await blog.Admin.ImportAsync(garbage)).FieldError("file")!;
        Assert.Contains("Nothing was imported", error, StringComparison.Ordinal);
        Assert.Contains("Line 1:", error, StringComparison.Ordinal);
        Assert.Contains("not well-formed XML", error, StringComparison.Ordinal);

        // The same size of text inside an article that never ends: read to the end, then refused.
        var endless = Encoding.UTF8.GetBytes(WordPressExports.Wrap(WordPressExports.Post(601, "Endless", "endless", "<p>start</p>"))
            .Replace("</item>", string.Empty, StringComparison.Ordinal).Replace("\n</channel>\n</rss>\n", new string('x', 50 * 1024 * 1024), StringComparison.Ordinal));
        error = (await blog.Admin.ImportAsync(endless)).FieldError("file")!;
        Assert.Contains("Nothing was imported", error, StringComparison.Ordinal);
        Assert.Matches(@"Line \d+:", error);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_file_broken_after_good_items_leaves_the_blog_as_it_was()
    {
        var before = await CountsAsync();
        // The fixture cut off in the middle of its last page, after every article and comment.
        var whole = Encoding.UTF8.GetString(WordPressExports.Fixture);
        var cut = whole[..whole.IndexOf("Use the box above", StringComparison.Ordinal)];
        var error = (await blog.Admin.ImportAsync(Encoding.UTF8.GetBytes(cut))).FieldError("file")!;
        var expectedLine = cut.Count(c => c == '\n') + 1;
        Assert.Contains($"Line {expectedLine}", error, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
        using var post = await blog.Factory.CreateClient().GetAsync("/posts/sleep-and-anxiety");
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        using var redirect = await blog.Factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = BlogFactory.Https }).GetAsync("/?p=10");
        Assert.NotEqual(HttpStatusCode.MovedPermanently, redirect.StatusCode);
    }

    [Fact]
    public async Task An_unknown_import_is_a_friendly_404()
    {
        using var response = await blog.Admin.GetAsync("/admin/import/" + Guid.NewGuid());
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task No_file_is_a_message_next_to_the_field()
    {
        var page = await blog.Admin.GetDocumentAsync("/admin/import");
        using var response = await blog.Admin.SubmitAsync(page.Form("form.form"), new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Choose the WordPress export file", (await Html.ParseAsync(response)).FieldError("file"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_different_article_at_an_address_taken_here_gets_a_new_one_and_its_old_link_follows()
    {
        var export = WordPressExports.Wrap(WordPressExports.Post(501, "Ketamine: a patient's view", "what-is-ketamine-iv-treatment", "<p>My story of six sessions.</p>"));
        var notes = (await blog.Admin.ImportAsync(Encoding.UTF8.GetBytes(export))).QuerySelector("table.report-notes")!.TextContent;
        Assert.Contains("/posts/what-is-ketamine-iv-treatment-2", notes, StringComparison.Ordinal);

        var reader = blog.Factory.CreateClient();
        Assert.Contains("six sessions", (await reader.GetDocumentAsync("/posts/what-is-ketamine-iv-treatment-2")).QuerySelector(".post-body")!.TextContent, StringComparison.Ordinal);
        // The seeded article keeps its address and its text.
        Assert.Contains(TestContent.SeedSectionHeadings[0], (await reader.GetDocumentAsync("/posts/what-is-ketamine-iv-treatment")).QuerySelector(".post-body")!.TextContent, StringComparison.Ordinal);
        using var client = blog.Factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = BlogFactory.Https });
        using var old = await client.GetAsync("/?p=501");
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal("/posts/what-is-ketamine-iv-treatment-2", old.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Hostile_content_and_comments_are_sanitized_and_text_that_looks_like_markup_stays_text()
    {
        const string content = "<p>Dose: 0.5 mg/kg * 2 = 1 mg/kg, see [1] and <code>a_b</code> | $5 ~ ^ #hashtag</p>\n<p>1. Not a list. # Not a heading</p>"
            + "<p><a href=\"javascript:alert(1)\">click</a><img src=x onerror=alert(1)><svg onload=alert(1)></svg></p><script>alert(1)</script>"
            + "<iframe src=\"https://evil.example/frame\"></iframe><form action=\"/posts/x/comments\"><input name=a></form>";
        const string comment = """
            <wp:comment><wp:comment_id>9001</wp:comment_id><wp:comment_author><![CDATA[<b>Eve</b><script>x</script>]]></wp:comment_author>
            <wp:comment_author_IP>not-an-ip</wp:comment_author_IP><wp:comment_date_gmt>2024-03-02 10:00:00</wp:comment_date_gmt>
            <wp:comment_content><![CDATA[<script>alert(1)</script><img src=x onerror=alert(2)>Nice <a href="javascript:alert(3)">post</a> **really**]]></wp:comment_content>
            <wp:comment_approved>1</wp:comment_approved><wp:comment_type>comment</wp:comment_type><wp:comment_parent>0</wp:comment_parent></wp:comment>
            """;
        var export = WordPressExports.Wrap(WordPressExports.Post(502, "<em>Dosing</em> &amp; safety", "dosing-and-safety", content, comment));
        Assert.Null((await blog.Admin.ImportAsync(Encoding.UTF8.GetBytes(export))).FieldError("file"));

        var page = await blog.Factory.CreateClient().GetDocumentAsync("/posts/dosing-and-safety");
        Assert.Equal("Dosing & safety", page.QuerySelector("h1")!.TextContent.Trim());
        var body = page.QuerySelector(".post-body")!;
        Assert.Contains("Dose: 0.5 mg/kg * 2 = 1 mg/kg, see [1] and a_b | $5 ~ ^ #hashtag", body.TextContent, StringComparison.Ordinal);
        Assert.Contains("1. Not a list. # Not a heading", body.TextContent, StringComparison.Ordinal);
        Assert.Null(body.QuerySelector("ol, h1, h2, script, iframe, svg, form, input, [onerror], [onload], a[href^='javascript']"));
        // The frame readers saw is a link to it now.
        Assert.NotNull(body.QuerySelector("a[href='https://evil.example/frame']"));
        Assert.Empty(ExecutableContent.Problems(page));

        var comments = page.QuerySelector("#comments")!;
        Assert.Equal("Eve", comments.QuerySelector(".comment-author")!.TextContent.Trim());
        Assert.Null(comments.QuerySelector(".comment-body script, .comment-body img, .comment-body a[href^='javascript']"));
        Assert.Contains("Nice", comments.QuerySelector(".comment-body")!.TextContent, StringComparison.Ordinal);
    }

    private Task<string> CountsAsync() =>
        blog.Factory.WithDbAsync(async db => string.Join(',',
            await db.Posts.CountAsync(), await db.Pages.CountAsync(), await db.Comments.CountAsync(), await db.Authors.CountAsync(),
            await db.Tags.CountAsync(), await db.Redirects.CountAsync(), await db.MediaFiles.CountAsync(), await db.AuditEntries.CountAsync()));
}
