using System.Net;
using ClinicBlog.Core.Comments;
using ClinicBlog.Core.Posts;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicBlog.Web.Tests;

/// <summary>A clinic moves in from WordPress at /admin/import: everything the fixture holds is checked
/// where readers, commenters and staff meet it, and the old links lead to the new pages.</summary>
public sealed class WordPressImportTests(WordPressImportTests.ImportedBlog blog) : IClassFixture<WordPressImportTests.ImportedBlog>
{
    private readonly BlogFactory _factory = blog.Factory;
    private readonly HttpClient _admin = blog.Admin;
    private readonly AngleSharp.Dom.IDocument _report = blog.Report;

    /// <summary>One blog with the fixture imported through /admin/import, shared by the tests (which only read it).</summary>
    public sealed class ImportedBlog : IAsyncLifetime
    {
        public BlogFactory Factory { get; } = new();

        public HttpClient Admin { get; private set; } = null!;

        public AngleSharp.Dom.IDocument Report { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Admin = await Factory.SignedInAdminAsync();
            Report = await Admin.ImportAsync(WordPressExports.Fixture);
            Assert.Null(Report.QuerySelector("#file-error")?.TextContent.Trim() is { Length: > 0 } error ? error : null);
        }

        public async Task DisposeAsync()
        {
            Admin.Dispose();
            await Factory.DisposeAsync();
        }
    }

    [Fact]
    public void The_report_counts_what_came_in_and_says_what_was_done_on_purpose()
    {
        var totals = WordPressExports.Totals(_report);
        Assert.Equal(("5", "1 (1 merged)"), totals["Articles"]);
        Assert.Equal(("2", "0"), totals["Pages"]);
        Assert.Equal(("6", "1"), totals["Comments"]);
        Assert.Equal(("2", "0"), totals["Authors"]);
        Assert.Equal("2", totals["Tags"].Imported);
        Assert.Equal("0", totals["Images"].Imported);

        var notes = _report.QuerySelectorAll("table.report-notes tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(notes, n => n.Contains("What Is Ketamine IV Treatment", StringComparison.Ordinal) && n.Contains("comments merged", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.Contains("Old clinic news", StringComparison.Ordinal) && n.Contains("trash", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.Contains("Staff only: rota", StringComparison.Ordinal) && n.Contains("draft", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.Contains("/search-page", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.Contains("[contact-form-7]", StringComparison.Ordinal));
        // The line of the item the note is about, so staff can find it in the file.
        var lines = File.ReadAllLines(WordPressExports.FixturePath);
        var trashNote = _report.QuerySelectorAll("table.report-notes tbody tr").First(r => r.TextContent.Contains("Old clinic news", StringComparison.Ordinal));
        var line = int.Parse(trashNote.QuerySelector("td")!.TextContent, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("<item>", lines[line - 1], StringComparison.Ordinal);
        Assert.Contains("Old clinic news", lines[line], StringComparison.Ordinal);

        // Without the uploads folder, the images still on the old site are listed.
        Assert.Contains("https://oldclinic.example/wp-content/uploads/2024/06/clinic-room.jpg", _report.QuerySelector("ul.images-left")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_block_editor_article_reads_as_it_did_and_nothing_unsafe_gets_through()
    {
        var page = await _factory.CreateClient().GetDocumentAsync("/posts/sleep-and-anxiety");
        var body = page.QuerySelector(".post-body")!;
        Assert.Equal("Sleep and anxiety: what helps", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Poor sleep", body.QuerySelector("strong")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Three habits that help", body.QuerySelector("h2")!.TextContent.Trim());
        var steps = body.QuerySelectorAll("ol > li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(["Keep the same wake-up time, even at weekends.", "No screens in the last hour before bed.", "Write tomorrow's worries down: 5 * 3 = 15 minutes is enough."], steps);
        Assert.Equal(["Fixed wake-up", "2", "No screens", "1"], body.QuerySelectorAll("table tbody td").Select(td => td.TextContent).ToList());
        Assert.Equal("I sleep through most nights now.", body.QuerySelector("blockquote p")!.TextContent.Trim());
        // The embedded video becomes a link to it (no third-party player), its caption kept.
        Assert.NotNull(body.QuerySelector("a[href='https://www.youtube.com/watch?v=dQw4w9WgXcQ']"));
        Assert.Contains("A two-minute breathing exercise", body.TextContent, StringComparison.Ordinal);
        Assert.Null(body.QuerySelector("iframe, script, [onerror]"));
        // Without --uploads the image keeps the old site's address (the report lists it); WordPress's srcset is gone.
        var image = body.QuerySelector("img[alt='Our quiet room at the clinic']")!;
        Assert.Equal("https://oldclinic.example/wp-content/uploads/2024/06/clinic-room.jpg", image.GetAttribute("src"));
        Assert.Null(image.GetAttribute("srcset"));
        // A link to another article of the old site now goes through its redirect.
        Assert.Equal("/2024/05/02/understanding-anxiety/", body.QuerySelector("a[href*='understanding-anxiety']")!.GetAttribute("href"));
        // The text before <!--more--> is the summary; the marker itself is gone.
        Assert.StartsWith("Worry keeps many of our patients awake.", page.QuerySelector("meta[name=description]")!.GetAttribute("content"), StringComparison.Ordinal);
        Assert.DoesNotContain("more--", body.InnerHtml, StringComparison.Ordinal);
        // Imported, never reviewed here: the page says so.
        Assert.Contains("has not yet been medically reviewed here", page.QuerySelector(".review-stale")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Anxiety", "Sleep & Health"], page.QuerySelector("ul.tags")!.QuerySelectorAll("a").Select(a => a.TextContent.Trim()).Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public async Task A_classic_article_gets_its_paragraphs_caption_and_embed()
    {
        var page = await _factory.CreateClient().GetDocumentAsync("/posts/understanding-anxiety");
        var body = page.QuerySelector(".post-body")!;
        Assert.Equal("Anxiety is the body's alarm system. Sometimes it rings when there is no fire.", body.QuerySelector("p")!.TextContent.Trim());
        Assert.Equal(["A racing heart", "Trouble breathing deeply"], body.QuerySelectorAll("ul > li").Select(li => li.TextContent.Trim()).ToList());
        Assert.Equal("Our quiet room, open to every patient", body.QuerySelector("figure figcaption")!.TextContent.Trim());
        Assert.NotNull(body.QuerySelector("figure img[alt=\"The clinic's quiet room\"]"));
        Assert.NotNull(body.QuerySelector("a[href='https://www.youtube.com/watch?v=abc123XYZ']"));
        Assert.Contains("call 988 at any time", body.TextContent, StringComparison.Ordinal);
        // A plugin's shortcode means nothing here: shown as written (and noted in the report).
        Assert.Contains("[contact-form-7 id=\"12\" title=\"Contact\"]", body.TextContent, StringComparison.Ordinal);
        Assert.Equal("What anxiety is, and the signs to look for.", page.QuerySelector("meta[name=description]")!.GetAttribute("content"));
        Assert.Equal("/authors/jo-obrien-rn", page.QuerySelector("a[rel=author]")!.GetAttribute("href"));
        Assert.Equal("Jo O'Brien, RN", page.QuerySelector("a[rel=author]")!.TextContent.Trim());
        // Comments were closed on WordPress, and stay closed.
        Assert.Null(page.QuerySelector("#comment-form form"));
    }

    [Fact]
    public async Task Comments_keep_their_status_and_threads_and_no_raw_ip_is_stored()
    {
        var page = await _factory.CreateClient().GetDocumentAsync("/posts/sleep-and-anxiety");
        var threads = page.QuerySelectorAll("ol.comment-list > li").ToList();
        var maria = Assert.Single(threads);
        Assert.Equal("Maria", maria.QuerySelector(".comment-author")!.TextContent.Trim());
        Assert.Contains("shift workers", maria.QuerySelector(".comment-body em")!.TextContent, StringComparison.Ordinal);
        // The reply to the reply joins Maria's thread, in order.
        Assert.Equal(["Dr. Anita Patel", "Maria"], maria.QuerySelectorAll("ol.comment-replies .comment-author").Select(a => a.TextContent.Trim()).ToList());
        var text = page.QuerySelector("#comments")!.TextContent;
        Assert.DoesNotContain("melatonin", text, StringComparison.Ordinal);
        Assert.DoesNotContain("sleeping pills", text, StringComparison.Ordinal);
        Assert.DoesNotContain("thrown away", text, StringComparison.Ordinal);
        Assert.DoesNotContain("pingback", text, StringComparison.Ordinal);

        // The held comment waits in the moderation queue; spam is kept as spam.
        Assert.Contains("melatonin", (await _admin.GetDocumentAsync("/admin/comments")).Body!.TextContent, StringComparison.Ordinal);
        var statuses = await _factory.WithDbAsync(db => db.Comments.AsNoTracking().Where(c => c.Post.Slug == "sleep-and-anxiety")
            .ToDictionaryAsync(c => c.AuthorName + ":" + c.CreatedAt.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), c => c.Status));
        Assert.Equal(CommentStatus.Pending, statuses["Sam:08:00"]);
        Assert.Equal(CommentStatus.Spam, statuses["Cheap Pills:09:00"]);
        Assert.Equal(3, statuses.Values.Count(s => s == CommentStatus.Approved));
        Assert.Equal(5, statuses.Count); // the trashed comment and the pingback were not imported

        var hasher = _factory.Services.GetRequiredService<CommenterIpHasher>();
        var stored = await _factory.WithDbAsync(db => db.Comments.AsNoTracking().Where(c => c.AuthorName == "Sam").Select(c => new { c.IpHash, c.AuthorEmail }).SingleAsync());
        Assert.Equal(hasher.Hash(IPAddress.Parse("2001:db8::42")), stored.IpHash);
        Assert.Equal("sam@example.org", stored.AuthorEmail);
        Assert.False(await _factory.WithDbAsync(db => db.Comments.AnyAsync(c => c.IpHash!.Contains("203.0.113") || c.ModerationReason!.Contains("203.0.113"))));
    }

    [Fact]
    [Trait("Database", "SqliteOnly")]
    public async Task No_commenter_address_is_anywhere_in_the_database_file()
    {
        // The database file and its write-ahead log, where the newest pages are until a checkpoint.
        var text = string.Concat(await Task.WhenAll(DatabaseFiles
            .Select(name => Path.Combine(_factory.DataDirectory, name)).Where(File.Exists)
            .Select(async path =>
            {
                await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var bytes = new MemoryStream();
                await file.CopyToAsync(bytes);
                return System.Text.Encoding.Latin1.GetString(bytes.ToArray());
            })));
        Assert.Contains("shift workers", text, StringComparison.Ordinal); // the files do hold the imported comments
        Assert.DoesNotContain("203.0.113.7", text, StringComparison.Ordinal);
        Assert.DoesNotContain("2001:db8::42", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_seeded_article_is_recognised_its_text_kept_and_comments_merged_once()
    {
        var page = await _factory.CreateClient().GetDocumentAsync("/posts/what-is-ketamine-iv-treatment");
        Assert.DoesNotContain("WordPress copy", page.QuerySelector(".post-body")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(TestContent.SeedSectionHeadings[0], page.QuerySelector(".post-body")!.TextContent, StringComparison.Ordinal);
        var authors = page.QuerySelectorAll("ol.comment-list .comment-author").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(["David", "Priya"], authors);
        Assert.Equal(1, await _factory.WithDbAsync(db => db.Posts.CountAsync(p => p.Slug.StartsWith("what-is-ketamine"))));
    }

    [Fact]
    public async Task Drafts_scheduled_and_private_posts_are_not_public_and_wait_in_the_admin()
    {
        var reader = _factory.CreateClient();
        foreach (var slug in new[] { "ketamine-and-depression", "staff-only-rota", "new-evening-hours", "old-clinic-news" })
        {
            using var response = await reader.GetAsync("/posts/" + slug);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        var statuses = await _factory.WithDbAsync(db => db.Posts.AsNoTracking().ToDictionaryAsync(p => p.Slug, p => new { p.Status, p.PublishedAt }));
        Assert.Equal(PostStatus.Draft, statuses["ketamine-and-depression"].Status);
        Assert.Equal(PostStatus.Draft, statuses["staff-only-rota"].Status);
        Assert.Equal(PostStatus.Scheduled, statuses["new-evening-hours"].Status);
        Assert.Equal(new DateTime(2031, 9, 1, 7, 0, 0, DateTimeKind.Utc), statuses["new-evening-hours"].PublishedAt);
        Assert.Equal(new DateTime(2024, 6, 10, 9, 0, 0, DateTimeKind.Utc), statuses["sleep-and-anxiety"].PublishedAt);
        Assert.DoesNotContain("old-clinic-news", statuses.Keys);

        var posts = (await _admin.GetDocumentAsync("/admin/posts")).Body!.TextContent;
        Assert.Contains("Ketamine and depression", posts, StringComparison.Ordinal);
        Assert.Contains("New evening hours from September", posts, StringComparison.Ordinal);

        // Never signed off here: listed as due for review, marked as imported.
        var due = await _admin.GetDocumentAsync("/admin/posts/review-due");
        var row = due.QuerySelectorAll("tr").Single(r => r.TextContent.Contains("Sleep and anxiety", StringComparison.Ordinal));
        Assert.Contains("imported, not yet reviewed", row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tags_authors_and_pages_are_where_readers_look()
    {
        var reader = _factory.CreateClient();
        var tag = await reader.GetDocumentAsync("/tags/anxiety");
        Assert.Equal(["Sleep and anxiety: what helps", "Understanding anxiety"], tag.QuerySelectorAll(".post-card-title a").Select(a => a.TextContent.Trim()).ToList());
        Assert.Contains("Sleep and anxiety", (await reader.GetDocumentAsync("/tags/sleep-health")).Body!.TextContent, StringComparison.Ordinal);
        var author = await reader.GetDocumentAsync("/authors/dr-anita-patel");
        Assert.Contains("Dr. Anita Patel", author.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Sleep and anxiety", author.Body!.TextContent, StringComparison.Ordinal);
        using (var uncategorized = await reader.GetAsync("/tags/uncategorized"))
        {
            Assert.Equal(HttpStatusCode.NotFound, uncategorized.StatusCode);
        }

        var about = await reader.GetDocumentAsync("/about-us");
        Assert.Equal("About us", about.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("since 1998", about.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(about.QuerySelector("main img[alt='Waiting room']"));
        // WordPress's "search" page could not take the blog's own search.
        Assert.Contains("Use the box above", (await reader.GetDocumentAsync("/search-page")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        using var search = await reader.GetAsync("/search?q=anxiety");
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        Assert.Contains("Sleep and anxiety", (await Html.ParseAsync(search)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        // A WordPress block that is not content (a navigation menu) is not imported as a page.
        using var navigation = await reader.GetAsync("/navigation");
        Assert.Equal(HttpStatusCode.NotFound, navigation.StatusCode);
    }

    [Theory]
    [InlineData("/?p=10", "/posts/sleep-and-anxiety")]
    [InlineData("/2024/06/10/sleep-and-anxiety/", "/posts/sleep-and-anxiety")]
    [InlineData("/sleep-and-anxiety/", "/posts/sleep-and-anxiety")]
    [InlineData("/2024/05/02/understanding-anxiety/", "/posts/understanding-anxiety")]
    [InlineData("/?p=14", "/posts/what-is-ketamine-iv-treatment")]
    [InlineData("/?page_id=7", "/about-us")]
    [InlineData("/?page_id=9", "/search-page")]
    [InlineData("/category/sleep-health/", "/tags/sleep-health")]
    [InlineData("/tag/anxiety/", "/tags/anxiety")]
    [InlineData("/author/drpatel/", "/authors/dr-anita-patel")]
    [InlineData("/author/nurse-jo/", "/authors/jo-obrien-rn")]
    [InlineData("/feed/", "/feed.xml")]
    public async Task Old_links_answer_301_with_the_new_address(string old, string now)
    {
        using var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = BlogFactory.Https });
        using var response = await client.GetAsync(old);
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(now, response.Headers.Location!.OriginalString);
        using var target = await _factory.CreateClient().GetAsync(now);
        Assert.Equal(HttpStatusCode.OK, target.StatusCode);
        // Listed where staff can see and edit them.
        Assert.Contains(RedirectKey(old), (await _admin.GetDocumentAsync("/admin/redirects")).QuerySelector("main table")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Importing_the_same_file_again_adds_nothing()
    {
        var before = await CountsAsync();
        var totals = WordPressExports.Totals(await _admin.ImportAsync(WordPressExports.Fixture));
        Assert.Equal(("0", "6"), totals["Articles"]);
        Assert.Equal(("0", "2"), totals["Pages"]);
        Assert.Equal(("0", "7"), totals["Comments"]);
        Assert.Equal(("0", "2"), totals["Authors"]);
        Assert.Equal("0", totals["Old addresses redirected"].Imported);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task The_import_is_audited()
    {
        var audit = await _admin.GetDocumentAsync("/admin/audit");
        Assert.Contains("import.wordpress", audit.Body!.TextContent, StringComparison.Ordinal);
    }

    private static readonly string[] DatabaseFiles = ["blog.db", "blog.db-wal"];

    private static string RedirectKey(string old) => old.Length > 1 && old.EndsWith('/') ? old.TrimEnd('/') : old;

    private Task<string> CountsAsync() =>
        _factory.WithDbAsync(async db => string.Join(',',
            await db.Posts.CountAsync(), await db.Pages.CountAsync(), await db.Comments.CountAsync(), await db.Authors.CountAsync(),
            await db.Tags.CountAsync(), await db.Redirects.CountAsync()));
}
