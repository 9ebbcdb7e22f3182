using System.Net;
using ClinicBlog.Core.Comments;
using Microsoft.EntityFrameworkCore;

namespace ClinicBlog.Web.Tests;

/// <summary>The blog on PostgreSQL (<c>Blog:Database:Provider=PostgreSql</c>), on a throwaway server of its
/// own: the PostgreSQL migrations build the schema, the seed is there, and the paths that speak SQL of
/// their own (search with its weighted tsvector and triggers, the busy handling, backups) or write a lot
/// (comments, moderation, the editor, a WordPress import) work as on SQLite.</summary>
[Trait("Category", "Slow")]
[Trait("Database", "Own")] // chooses its own database and servers: the PostgreSQL pass would only repeat it
public sealed class PostgreSqlTests(PostgreSqlTests.PostgresBlog blog) : IClassFixture<PostgreSqlTests.PostgresBlog>
{
    public sealed class PostgresBlog : IAsyncLifetime
    {
        private PostgresServer _server = null!;

        public BlogFactory Factory { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            _server = await PostgresServer.StartAsync();
            Factory = new OnPostgres(await _server.CreateDatabaseAsync());
        }

        public async Task DisposeAsync()
        {
            await Factory.DisposeAsync();
            await _server.DisposeAsync();
        }
    }

    private sealed class OnPostgres(string connectionString) : BlogFactory
    {
        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
        {
            ["Blog:Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:Blog"] = connectionString,
            // The editor test publishes straight away; sign-off is tested on SQLite.
            ["Blog:Posts:RequireReview"] = "false",
        };
    }

    [Fact]
    public async Task The_seeded_blog_reads_as_on_sqlite()
    {
        Assert.True(await blog.Factory.WithDbAsync(db => Task.FromResult(db.Database.IsNpgsql())));
        var reader = blog.Factory.CreateClient();
        var post = await reader.GetDocumentAsync(TestContent.SeedUrl);
        Assert.Equal(TestContent.SeedTitle, post.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("David", post.QuerySelector(".comment-author")!.TextContent.Trim());
        foreach (var url in new[] { "/", "/tags/ketamine", "/authors/editorial-team", "/archive", "/feed.xml", "/sitemap.xml", "/healthz" })
        {
            using var response = await reader.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Search_ranks_highlights_matches_prefixes_and_tags_and_takes_any_input()
    {
        var reader = blog.Factory.CreateClient();
        var page = await reader.GetDocumentAsync("/search?q=ketamine+infusions");
        var hit = page.QuerySelector(".search-results li, .search-hit, main article")!;
        Assert.Contains(TestContent.SeedTitle, hit.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(page.QuerySelectorAll("main mark"));
        Assert.Contains(TestContent.SeedTitle, (await reader.GetDocumentAsync("/search?q=keta")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        // The tag "Depression" is in the index through its own trigger.
        Assert.Contains(TestContent.SeedTitle, (await reader.GetDocumentAsync("/search?q=depression")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(TestContent.SeedTitle, (await reader.GetDocumentAsync("/search?q=zebra")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        foreach (var input in HostileInputs.All.Take(60).Append("a & b | !c:* <-> ('d'"))
        {
            using var response = await reader.GetAsync("/search?q=" + Uri.EscapeDataString(input.Length > 300 ? input[..300] : input));
            Assert.True((int)response.StatusCode < 500, $"search for {input[..Math.Min(input.Length, 40)]} answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task A_comment_waits_for_moderation_then_appears()
    {
        var reader = blog.Factory.CreateBrowserlikeClient();
        using var sent = await reader.PostCommentAsync(TestContent.SeedSlug, "Pat", "Does it help with chronic pain too?", "pat@example.org");
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var id = await blog.Factory.WithDbAsync(db => db.Comments.Where(c => c.AuthorName == "Pat").Select(c => c.Id).SingleAsync());
        Assert.DoesNotContain("chronic pain", (await blog.Factory.CreateClient().GetStringAsync(TestContent.SeedUrl)), StringComparison.Ordinal);

        using var admin = await blog.Factory.SignedInAdminAsync();
        var queue = await admin.GetDocumentAsync("/admin/comments?status=Pending");
        ((AngleSharp.Html.Dom.IHtmlInputElement)queue.QuerySelector($"#select-{id}")!).IsChecked = true;
        using var approved = await admin.SubmitAsync(queue.Form(".moderation-form"), null, ".bulk-actions button[value=approve]");
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal(CommentStatus.Approved, await blog.Factory.WithDbAsync(db => db.Comments.Where(c => c.Id == id).Select(c => c.Status).SingleAsync()));
        Assert.Contains("chronic pain", await blog.Factory.CreateClient().GetStringAsync(TestContent.SeedUrl), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_publish_a_post_that_search_finds_by_its_words_and_tags()
    {
        using var admin = await blog.Factory.SignedInAdminAsync();
        var editor = await admin.GetDocumentAsync("/admin/posts/new");
        await admin.SubmitExpectingSuccessAsync(editor.Form(".editor-form"), new Dictionary<string, string>
        {
            ["Title"] = "Sleep hygiene for night-shift nurses",
            ["Summary"] = "Small habits that protect sleep.",
            ["Body"] = "## Habits\n\nDarken the bedroom and keep a fixed **wind-down** routine.",
            ["Tags"] = "Insomnia",
            ["Status"] = "Published",
        }, "button[value=save]");
        var reader = blog.Factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/posts/sleep-hygiene-for-night-shift-nurses")).StatusCode);
        Assert.Contains("Sleep hygiene", (await reader.GetDocumentAsync("/search?q=bedroom")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Sleep hygiene", (await reader.GetDocumentAsync("/search?q=insomnia")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wordpress_import_lands_in_one_transaction_and_a_second_adds_nothing()
    {
        using var admin = await blog.Factory.SignedInAdminAsync();
        var report = await admin.ImportAsync(WordPressExports.Fixture);
        Assert.Null(report.FieldError("file"));
        Assert.Equal("5", WordPressExports.Totals(report)["Articles"].Imported);
        var page = await blog.Factory.CreateClient().GetDocumentAsync("/posts/sleep-and-anxiety");
        Assert.Equal(["Dr. Anita Patel", "Maria"], page.QuerySelectorAll("ol.comment-replies .comment-author").Select(a => a.TextContent.Trim()).ToList());
        Assert.Equal("0", WordPressExports.Totals(await admin.ImportAsync(WordPressExports.Fixture))["Articles"].Imported);
        var broken = await admin.ImportAsync(System.Text.Encoding.UTF8.GetBytes("<rss><channel><item><title>x</title>"));
        Assert.Contains("Nothing was imported", broken.FieldError("file"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backups_point_to_pg_dump()
    {
        using var admin = await blog.Factory.SignedInAdminAsync();
        var page = await admin.GetDocumentAsync("/admin/backup");
        Assert.Contains("pg_dump", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("main form"));
    }
}
