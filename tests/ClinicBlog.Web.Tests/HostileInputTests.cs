using System.Net;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using ClinicBlog.Core.Comments;
using Microsoft.EntityFrameworkCore;

namespace ClinicBlog.Web.Tests;

/// <summary>Sends every hostile input through every field an author or a commenter controls, then
/// reads every page that shows them (post, lists, tags, search, feeds, JSON-LD, staff pages) and
/// finds nothing a browser could run. No request may fail with a 5xx.</summary>
[Trait("Category", "Slow")]
public sealed class HostileInputTests(HostileInputTests.Factory factory) : IClassFixture<HostileInputTests.Factory>
{
    public sealed class Factory : BlogFactory
    {
        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
        {
            ["Blog:Posts:RequireReview"] = "false",
        };
    }

    [Fact]
    public async Task Every_field_an_author_or_commenter_controls_shows_hostile_input_as_inert_text()
    {
        Assert.True(HostileInputs.All.Count >= 100);
        using var admin = await factory.SignedInAdminAsync();
        using var reader = factory.CreateBrowserlikeClient(followRedirects: false);
        var problems = new List<string>();

        for (var i = 0; i < HostileInputs.All.Count; i++)
        {
            var input = HostileInputs.All[i];
            var editor = await admin.GetDocumentAsync("/admin/posts/new");
            var fields = new Dictionary<string, string>
            {
                ["Title"] = Cut(input, 200),
                ["Slug"] = $"hostile-{i}",
                ["Summary"] = Cut(input, 500),
                ["Body"] = input,
                ["Status"] = "Published",
            };
            if (IsUsableTag(input))
            {
                fields["Tags"] = input;
            }

            using var saved = await admin.SubmitAsync(editor.Form("main form.editor-form"), fields, "button[value=save]");
            await CheckAsync(saved, $"saving post {i}", problems, expectSuccess: true);

            // The commenter's fields: name, email and text, on that post.
            var form = new Dictionary<string, string> { ["Name"] = Cut(input, 80), ["Body"] = Cut(input, 5_000) };
            if (i % 2 == 1)
            {
                form["Email"] = Cut(input, 254);
            }

            using var posted = await reader.PostAsync($"/posts/hostile-{i}/comments", new FormUrlEncodedContent(form));
            Assert.True((int)posted.StatusCode < 500, $"comment {i} answered {(int)posted.StatusCode}");
            if (posted.StatusCode != HttpStatusCode.Redirect)
            {
                await CheckAsync(posted, $"refused comment {i}", problems, expectSuccess: false);
            }
        }

        var stored = await factory.WithDbAsync(db => db.Posts.CountAsync(p => p.Slug.StartsWith("hostile-")));
        Assert.True(HostileInputs.All.Count == stored, $"only {stored} posts were saved: " + string.Join("\n", problems));
        await factory.WithDbAsync(db => db.Comments.Where(c => c.Status != CommentStatus.Approved)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CommentStatus.Approved)));
        var comments = await factory.WithDbAsync(db => db.Comments.Select(c => c.Id).ToListAsync());
        Assert.True(comments.Count > HostileInputs.All.Count / 2, $"only {comments.Count} hostile comments were accepted");

        var pages = new List<(HttpClient Client, string Url)>();
        for (var i = 0; i < HostileInputs.All.Count; i++)
        {
            pages.Add((reader, $"/posts/hostile-{i}"));
            pages.Add((reader, "/search?q=" + Uri.EscapeDataString(Cut(HostileInputs.All[i], 200))));
        }

        var postIds = await factory.WithDbAsync(db => db.Posts.Where(p => p.Slug.StartsWith("hostile-")).Select(p => p.Id).ToListAsync());
        pages.AddRange(postIds.Select(id => (admin, $"/admin/posts/{id}/edit")));
        pages.AddRange(comments.Take(40).Select(id => (admin, $"/admin/comments/{id}/redact")));
        var tagSlugs = await factory.WithDbAsync(db => db.Tags.Select(t => t.Slug).ToListAsync());
        pages.AddRange(tagSlugs.Select(slug => (reader, $"/tags/{slug}")));
        for (var page = 1; page <= HostileInputs.All.Count / 10 + 1; page++)
        {
            pages.Add((reader, $"/?page={page}"));
            pages.Add((admin, $"/admin/posts?page={page}"));
        }

        for (var page = 1; page <= comments.Count / 25 + 1; page++)
        {
            pages.Add((admin, $"/admin/comments?status=Approved&page={page}"));
        }

        pages.AddRange([(reader, "/archive"), (reader, "/authors/editorial-team"), (admin, "/admin"), (admin, "/admin/audit")]);
        foreach (var (client, url) in pages)
        {
            using var response = await client.GetAsync(url);
            await CheckAsync(response, url, problems, expectSuccess: true);
        }

        foreach (var feed in new[] { "/feed.xml", "/atom.xml", "/sitemap.xml" })
        {
            problems.AddRange(await FeedProblemsAsync(reader, feed));
        }

        Assert.True(problems.Count == 0, $"{problems.Count} problems:\n" + string.Join("\n", problems.Take(30)));
    }

    [Fact]
    public async Task Pages_menu_links_redirects_and_settings_show_hostile_input_as_inert_text()
    {
        using var admin = await factory.SignedInAdminAsync();
        using var reader = factory.CreateBrowserlikeClient(followRedirects: false);
        var problems = new List<string>();
        for (var i = 0; i < HostileInputs.All.Count; i++)
        {
            var input = HostileInputs.All[i];
            using var page = await admin.SubmitAsync((await admin.GetDocumentAsync("/admin/pages/new")).Form(".editor-form"), new Dictionary<string, string>
            {
                ["Title"] = Cut(input, 200), ["Slug"] = $"hostile-page-{i}", ["Summary"] = Cut(input, 500), ["Body"] = input, ["Status"] = "Published",
            }, "button[value=save]");
            await CheckAsync(page, $"saving page {i}", problems, expectSuccess: true);

            using var link = await admin.SubmitAsync((await admin.GetDocumentAsync("/admin/menu")).Form("form.form-page"), new Dictionary<string, string>
            {
                ["Location"] = i % 2 == 0 ? "Header" : "Footer", ["Target"] = "other", ["OtherUrl"] = $"https://clinic.example/{i}", ["Label"] = Cut(input, 60),
            });
            await CheckAsync(link, $"menu link {i}", problems, expectSuccess: !string.IsNullOrWhiteSpace(input));

            // Most are not addresses and are refused; none may fail or come back executable.
            using var redirect = await admin.SubmitAsync((await admin.GetDocumentAsync("/admin/redirects/new")).Form("form.form"), new Dictionary<string, string> { ["From"] = Cut(input, 600), ["To"] = Cut(input, 600) });
            await CheckAsync(redirect, $"redirect {i}", problems, expectSuccess: false);

            using var settings = await admin.SubmitAsync((await admin.GetDocumentAsync("/admin/settings")).Form(".settings-form"), new Dictionary<string, string>
            {
                ["Description"] = Cut(input, 300), ["MedicalDisclaimer"] = "Not medical advice. " + input, ["CrisisNotice"] = "Call 988. " + input,
                ["PrivacyNotice"] = input, ["CommentPolicy"] = input, ["CrisisTags"] = Cut(input, 900),
            });
            // Over the notices' length limit the save is refused with a message: that answer is checked too.
            await CheckAsync(settings, $"settings {i}", problems, expectSuccess: input.Length + 20 <= ClinicBlog.Core.Settings.SiteSettingsService.NoticeMaxLength);
            foreach (var url in new[] { $"/hostile-page-{i}", "/", "/privacy", "/comment-policy" })
            {
                using var response = await reader.GetAsync(url);
                await CheckAsync(response, $"{url} after input {i}", problems, expectSuccess: true);
            }
        }

        foreach (var url in new[] { "/admin/pages", "/admin/menu", "/admin/redirects", "/admin/settings", "/admin/audit" })
        {
            using var response = await admin.GetAsync(url);
            await CheckAsync(response, url, problems, expectSuccess: true);
        }

        problems.AddRange(await FeedProblemsAsync(reader, "/sitemap.xml"));
        Assert.True(problems.Count == 0, $"{problems.Count} problems:\n" + string.Join("\n", problems.Take(30)));
    }

    [Fact]
    public async Task Every_hostile_input_in_a_wordpress_export_is_imported_as_inert_text()
    {
        // Each input as a post's title, slug, excerpt, content, category and tag, an author's name and a
        // comment's name, email, address and text: the export is written as WordPress writes it (escaped XML).
        var items = HostileInputs.All.Select((input, i) =>
        {
            var text = XmlText(input);
            return new XElement("item",
                new XElement("title", text), new XElement("link", "https://small.example/?p=" + (8000 + i)),
                new XElement(Dc + "creator", "hostile-" + i), new XElement(Content + "encoded", text), new XElement(Excerpt + "encoded", text),
                new XElement(Wp + "post_id", 8000 + i), new XElement(Wp + "post_date_gmt", "2024-03-01 09:00:00"),
                new XElement(Wp + "post_name", text), new XElement(Wp + "status", "publish"), new XElement(Wp + "post_type", i % 10 == 0 ? "page" : "post"),
                new XElement("category", new XAttribute("domain", "post_tag"), new XAttribute("nicename", text), text),
                new XElement(Wp + "comment", new XElement(Wp + "comment_id", 9000 + i), new XElement(Wp + "comment_author", text),
                    new XElement(Wp + "comment_author_email", text), new XElement(Wp + "comment_author_IP", text),
                    new XElement(Wp + "comment_date_gmt", "2024-03-02 09:00:00"), new XElement(Wp + "comment_content", text),
                    new XElement(Wp + "comment_approved", "1"), new XElement(Wp + "comment_parent", 0)));
        });
        var authors = HostileInputs.All.Select((input, i) => new XElement(Wp + "author",
            new XElement(Wp + "author_login", "hostile-" + i), new XElement(Wp + "author_display_name", XmlText(input))));
        var export = new XDocument(new XElement("rss", new XAttribute(XNamespace.Xmlns + "wp", Wp), new XAttribute(XNamespace.Xmlns + "dc", Dc),
            new XAttribute(XNamespace.Xmlns + "content", Content), new XAttribute(XNamespace.Xmlns + "excerpt", Excerpt),
            new XElement("channel", new XElement(Wp + "base_site_url", "https://small.example"), authors, items)));

        using var admin = await factory.SignedInAdminAsync();
        var report = await admin.ImportAsync(System.Text.Encoding.UTF8.GetBytes(export.ToString()));
        Assert.Null(report.FieldError("file"));
        var problems = ExecutableContent.Problems(report).Select(p => "report: " + p).ToList();
        using var reader = factory.CreateBrowserlikeClient(followRedirects: true);
        var imported = await factory.WithDbAsync(db => db.Posts.AsNoTracking().Where(p => p.ImportKey != null && p.ImportKey.StartsWith("small.example/post/"))
            .Select(p => p.Slug).ToListAsync());
        var pages = await factory.WithDbAsync(db => db.Pages.AsNoTracking().Where(p => p.ImportKey != null).Select(p => p.Slug).ToListAsync());
        Assert.True(imported.Count + pages.Count == HostileInputs.All.Count, $"{imported.Count} posts and {pages.Count} pages of {HostileInputs.All.Count} inputs");
        foreach (var url in imported.Select(s => "/posts/" + s).Concat(pages.Select(s => "/" + s)).Concat(["/", "/archive", "/authors/hostile-1", "/feed.xml"]))
        {
            using var response = await reader.GetAsync(url);
            await CheckAsync(response, $"{url} (imported)", problems, expectSuccess: true);
        }

        problems.AddRange(await FeedProblemsAsync(reader, "/feed.xml"));
        foreach (var url in new[] { "/admin/posts", "/admin/pages", "/admin/redirects", "/admin/comments", "/admin/posts/review-due" })
        {
            using var response = await admin.GetAsync(url);
            await CheckAsync(response, url, problems, expectSuccess: true);
        }

        Assert.True(problems.Count == 0, $"{problems.Count} problems:\n" + string.Join("\n", problems.Take(30)));
    }

    private static readonly XNamespace Wp = "http://wordpress.org/export/1.2/";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace Excerpt = "http://wordpress.org/export/1.2/excerpt/";

    /// <summary>What XML can carry of an input (a NUL or a lone surrogate cannot be in any XML file).</summary>
    private static string XmlText(string input) => string.Concat(input.Where(System.Xml.XmlConvert.IsXmlChar));

    [Fact]
    public void The_checker_finds_the_corpus_executable_when_nothing_sanitizes_it()
    {
        // Guards the guard: parsed raw, the inputs that are HTML must be caught.
        var parser = new HtmlParser();
        var raw = HostileInputs.All.Where(i => i.Contains('<', StringComparison.Ordinal) && !i.StartsWith('＜')).ToList();
        var caught = raw.Count(i => ExecutableContent.Problems(parser.ParseDocument(i)).Count > 0);
        Assert.True(caught >= raw.Count * 3 / 4, $"the checker caught only {caught} of {raw.Count} raw inputs");
    }

    private static async Task CheckAsync(HttpResponseMessage response, string what, List<string> problems, bool expectSuccess)
    {
        var status = (int)response.StatusCode;
        Assert.True(status < 500, $"{what} answered {status}");
        if (expectSuccess && !response.IsSuccessStatusCode)
        {
            problems.Add($"{what} answered {status}");
        }

        var page = await Html.ParseAsync(response);
        problems.AddRange(ExecutableContent.Problems(page).Select(p => $"{what}: {p}"));
    }

    /// <summary>Feeds carry post and comment text as escaped HTML: the XML must parse, and the HTML
    /// inside each entry must hold nothing executable either.</summary>
    private static async Task<IEnumerable<string>> FeedProblemsAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{url} answered {(int)response.StatusCode}");
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());
        var parser = new HtmlParser();
        var problems = new List<string>();
        // What readers show as HTML: RSS descriptions and content, Atom text of type "html". Titles are plain text.
        var html = xml.Descendants().Where(e => e.Name.LocalName is "description" or "encoded" || (string?)e.Attribute("type") is "html" or "xhtml");
        foreach (var text in html.Select(e => e.Value))
        {
            using var fragment = parser.ParseDocument(text);
            problems.AddRange(ExecutableContent.Problems(fragment).Select(p => $"{url}: {p}"));
        }

        return problems;
    }

    private static bool IsUsableTag(string input) =>
        input.Trim().Length is > 0 and <= 60 && !input.Contains(',', StringComparison.Ordinal) && Core.Content.SlugGenerator.Generate(input).Length > 0;

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];
}
