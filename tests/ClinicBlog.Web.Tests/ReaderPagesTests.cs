using System.Net;
using ClinicBlog.Core.Comments;
using ClinicBlog.Core.Posts;
using ClinicBlog.Web.Models;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicBlog.Web.Tests;

public sealed class ReaderPagesTests(BlogFactory factory) : IClassFixture<BlogFactory>
{
    private readonly HttpClient _client = factory.CreateBrowserlikeClient();

    [Fact]
    public async Task Home_lists_the_seeded_article_with_its_summary_author_date_reading_time_and_tags()
    {
        var doc = await _client.GetDocumentAsync("/");

        var card = doc.QuerySelectorAll(".post-card")
            .Single(c => c.QuerySelector("h2 a")?.TextContent == TestContent.SeedTitle);
        Assert.Equal(TestContent.SeedUrl, card.QuerySelector("h2 a")!.GetAttribute("href"));
        Assert.Equal("Exploring Ketamine IV Treatment: A Promising Therapy for Mental Health", card.QuerySelector(".post-card-summary")!.TextContent);
        Assert.Equal("/authors/editorial-team", card.QuerySelector(".meta a")!.GetAttribute("href"));
        Assert.Equal("June 14, 2024", card.QuerySelector("time")!.TextContent);
        Assert.Equal("2024-06-14T08:00:00Z", card.QuerySelector("time")!.GetAttribute("datetime"));
        Assert.Matches(@"^\d+ min read$", card.QuerySelectorAll(".meta span")[^1].TextContent);
        Assert.Equal(["Depression", "Ketamine", "Mental Health", "Treatments"], card.QuerySelectorAll(".tag").Select(t => t.TextContent));
        Assert.Single(doc.QuerySelectorAll("h1"));
    }

    [Fact]
    public async Task Post_page_shows_the_article_its_headings_disclaimer_and_Davids_comment()
    {
        using var response = await _client.GetAsync(TestContent.SeedUrl);
        var doc = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TestContent.SeedTitle, Assert.Single(doc.QuerySelectorAll("h1")).TextContent);
        Assert.StartsWith(TestContent.SeedTitle, doc.Title, StringComparison.Ordinal);
        Assert.Equal(TestContent.SeedSectionHeadings, doc.QuerySelectorAll(".post-body h2").Select(h => h.TextContent));
        Assert.Contains("we’ll delve into the science", doc.QuerySelector(".post-body")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Clinic Editorial Team", doc.QuerySelector(".byline")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("not medical advice", doc.QuerySelector(".disclaimer")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("988", doc.QuerySelector(".notice-crisis")!.TextContent, StringComparison.Ordinal);

        Assert.Equal("1 comment", doc.QuerySelector("#comments-heading")!.TextContent);
        var comment = Assert.Single(doc.QuerySelectorAll(".comment"));
        Assert.Equal("David", comment.QuerySelector(".comment-author")!.TextContent);
        Assert.Equal("June 14, 2024", comment.QuerySelector("time")!.TextContent);
        Assert.Equal("Your perspective on this informative topic is invaluable. Thanks for sharing!", comment.QuerySelector(".comment-body")!.TextContent.Trim());
    }

    [Fact]
    public async Task Post_page_shows_replies_under_their_parent_and_never_pending_comments()
    {
        var slug = await factory.AddPostAsync("Sleep and Mood", PostStatus.Published, DateTime.UtcNow.AddDays(-1));
        await factory.WithDbAsync(async db =>
        {
            var post = await db.Posts.SingleAsync(p => p.Slug == slug);
            var parent = NewComment(post.Id, "Ana", CommentStatus.Approved, new DateTime(2025, 1, 1, 9, 0, 0, DateTimeKind.Utc));
            db.Comments.Add(parent);
            await db.SaveChangesAsync();
            db.Comments.AddRange(
                NewComment(post.Id, "Ben", CommentStatus.Approved, new DateTime(2025, 1, 2, 9, 0, 0, DateTimeKind.Utc), parent.Id),
                NewComment(post.Id, "Pending Pat", CommentStatus.Pending, new DateTime(2025, 1, 3, 9, 0, 0, DateTimeKind.Utc)),
                NewComment(post.Id, "Spammy Sam", CommentStatus.Spam, new DateTime(2025, 1, 3, 9, 0, 0, DateTimeKind.Utc)));
            await db.SaveChangesAsync();
        });

        var doc = await _client.GetDocumentAsync("/posts/" + slug);

        Assert.Equal("2 comments", doc.QuerySelector("#comments-heading")!.TextContent);
        var top = Assert.Single(doc.QuerySelectorAll(".comment-list > li"));
        Assert.Equal("Ana", top.QuerySelector(".comment-author")!.TextContent);
        Assert.Equal("Ben", top.QuerySelector(".comment-replies .comment-author")!.TextContent);
        Assert.DoesNotContain("Pending Pat", doc.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Spammy Sam", doc.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("@", doc.QuerySelector(".comments")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PostStatus.Draft, -1, HttpStatusCode.NotFound)]
    [InlineData(PostStatus.Archived, -1, HttpStatusCode.Gone)]
    [InlineData(PostStatus.Scheduled, 7, HttpStatusCode.NotFound)]
    [InlineData(PostStatus.Published, 7, HttpStatusCode.NotFound)]
    public async Task Posts_readers_may_not_see_are_hidden_from_pages_and_lists(PostStatus status, int daysFromNow, HttpStatusCode expected)
    {
        var slug = await factory.AddPostAsync($"Hidden {status} {daysFromNow}", status, DateTime.UtcNow.AddDays(daysFromNow), "ketamine");

        using var response = await _client.GetAsync("/posts/" + slug);
        var home = await _client.GetStringAsync("/");
        var tag = await _client.GetStringAsync("/tags/ketamine");
        var author = await _client.GetStringAsync("/authors/editorial-team");

        // Archived posts answer 410 Gone with a notice; the others do not exist for readers.
        Assert.Equal(expected, response.StatusCode);
        Assert.DoesNotContain(slug, home, StringComparison.Ordinal);
        Assert.DoesNotContain(slug, tag, StringComparison.Ordinal);
        Assert.DoesNotContain(slug, author, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scheduled_post_appears_by_itself_once_its_time_has_passed()
    {
        var slug = await factory.AddPostAsync("Scheduled in the past", PostStatus.Scheduled, DateTime.UtcNow.AddMinutes(-1));

        using var response = await _client.GetAsync("/posts/" + slug);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("what-is-ketamine-iv-treatment")]
    [InlineData("Café-Ünïcode")]
    [InlineData("a b/c?d#e%f&g+h;i")]
    [InlineData("100%-sure's~(1)")]
    public void Reader_pages_write_a_post_author_or_tag_address_as_the_router_does(string slug)
    {
        var readerLinks = factory.Services.GetRequiredService<ReaderLinks>();
        var router = factory.Services.GetRequiredService<LinkGenerator>();

        Assert.Equal(router.GetPathByAction("Show", "Posts", new { area = "", slug }), readerLinks.Post(slug));
        Assert.Equal(router.GetPathByAction("Comment", "Posts", new { area = "", slug }), readerLinks.Comments(slug));
        Assert.Equal(router.GetPathByAction("Show", "Authors", new { area = "", slug }), readerLinks.Author(slug));
        Assert.Equal(router.GetPathByAction("Show", "Tags", new { area = "", slug }), readerLinks.Tag(slug));
    }

    [Theory]
    [InlineData("/posts/no-such-post")]
    [InlineData("/posts/%3Cscript%3E")]
    [InlineData("/posts/..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/authors/nobody")]
    [InlineData("/tags/nothing")]
    [InlineData("/no/such/page")]
    [InlineData("/?page=0")]
    [InlineData("/?page=-1")]
    [InlineData("/?page=abc")]
    [InlineData("/?page=1.5")]
    [InlineData("/?page=99999")]
    [InlineData("/?page=99999999999999999999")]
    [InlineData("/tags/ketamine?page=abc")]
    [InlineData("/authors/editorial-team?page=0")]
    public async Task Unknown_and_malformed_urls_get_the_friendly_404(string url)
    {
        using var response = await _client.GetAsync(url);
        var doc = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("We couldn’t find that page", doc.QuerySelector("h1")!.TextContent);
        Assert.NotNull(doc.QuerySelector("a[href='/']"));
        // A missing page names no address of its own (the re-executed /error/404 is not one) and asks not to be indexed.
        Assert.Null(doc.QuerySelector("link[rel=canonical]"));
        Assert.Null(doc.QuerySelector("meta[property='og:url']"));
        Assert.Equal("noindex", doc.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
    }

    [Fact]
    public async Task A_very_long_slug_is_a_404_not_an_error()
    {
        using var response = await _client.GetAsync("/posts/" + new string('a', 5000));

        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"got {(int)response.StatusCode}");
    }

    [Fact]
    public async Task Author_and_tag_pages_list_their_posts()
    {
        var author = await _client.GetDocumentAsync("/authors/editorial-team");
        var tag = await _client.GetDocumentAsync("/tags/mental-health");

        Assert.Equal("Clinic Editorial Team", author.QuerySelector("h1")!.TextContent);
        Assert.Contains("Articles written by the clinic's clinical staff.", author.QuerySelector(".intro")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(author.QuerySelectorAll(".post-card h2 a"), a => a.TextContent == TestContent.SeedTitle);
        Assert.Equal("Mental Health", tag.QuerySelector("h1")!.TextContent);
        Assert.Contains(tag.QuerySelectorAll(".post-card h2 a"), a => a.TextContent == TestContent.SeedTitle);
    }

    [Fact]
    public async Task A_renamed_post_redirects_permanently_from_its_old_slug()
    {
        var slug = await factory.AddPostAsync("Old name of a post", PostStatus.Published, DateTime.UtcNow.AddDays(-2));
        await factory.WithDbAsync(async db =>
        {
            var post = await db.Posts.SingleAsync(p => p.Slug == slug);
            post.Slug = "new-name-of-a-post";
            db.PostSlugRedirects.Add(new PostSlugRedirect { OldSlug = slug, PostId = post.Id });
            await db.SaveChangesAsync();
        });
        using var client = factory.CreateBrowserlikeClient(followRedirects: false);

        using var response = await client.GetAsync("/posts/" + slug);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/posts/new-name-of-a-post", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/")]
    [InlineData(TestContent.SeedUrl)]
    [InlineData("/authors/editorial-team")]
    [InlineData("/tags/ketamine")]
    [InlineData("/posts/missing")]
    public async Task Reader_pages_set_no_cookies_and_carry_the_security_headers(string url)
    {
        using var client = factory.CreateBrowserlikeClient();
        using var response = await client.GetAsync(url);

        Assert.False(response.Headers.Contains("Set-Cookie"), "a reader page set a cookie");
        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task Pages_have_landmarks_a_skip_link_a_language_and_one_h1()
    {
        var doc = await _client.GetDocumentAsync(TestContent.SeedUrl);

        Assert.Equal("en", doc.DocumentElement.GetAttribute("lang"));
        Assert.Equal("#main", doc.QuerySelector("a.skip-link")!.GetAttribute("href"));
        Assert.NotNull(doc.QuerySelector("main#main"));
        Assert.NotNull(doc.QuerySelector("header nav"));
        Assert.NotNull(doc.QuerySelector("footer"));
        Assert.NotNull(doc.QuerySelector("main article"));
        Assert.Single(doc.QuerySelectorAll("h1"));
        // The one script element allowed is the JSON-LD data block, which browsers never execute.
        Assert.Empty(doc.QuerySelectorAll("script:not([type='application/ld+json'])"));
        Assert.Single(doc.QuerySelectorAll("script[type='application/ld+json']"));
        Assert.Empty(doc.QuerySelectorAll("[style]"));
        var stylesheet = doc.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        using var css = await _client.GetAsync(stylesheet);
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Contains("prefers-color-scheme: dark", await css.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_link_of_the_header_and_footer_leads_where_it_says()
    {
        var doc = await _client.GetDocumentAsync("/search?q=ketamine");
        Assert.Equal("/", doc.QuerySelector("a.site-title")!.GetAttribute("href"));
        Assert.Equal("/search", doc.QuerySelector("header form[role=search]")!.GetAttribute("action"));
        Assert.Equal("/search", doc.QuerySelector("main form[role=search]")!.GetAttribute("action"));
        Assert.Equal("/feed.xml", doc.QuerySelector("link[type='application/rss+xml']")!.GetAttribute("href"));
        Assert.Equal("/atom.xml", doc.QuerySelector("link[type='application/atom+xml']")!.GetAttribute("href"));
        var footer = doc.QuerySelectorAll("footer a").ToDictionary(a => a.TextContent, a => a.GetAttribute("href"));
        Assert.Equal("/feed.xml", footer["RSS feed"]);
        Assert.Equal("/archive", footer["Archive"]);
        Assert.Equal("/privacy", footer["Privacy"]);
        Assert.Equal("/comment-policy", footer["Comment policy"]);
        Assert.Equal("/account/login", footer["Staff sign in"]);

        var links = doc.QuerySelectorAll("header a, footer a, head link[rel=alternate]")
            .Select(a => a.GetAttribute("href")!).Where(href => href.StartsWith('/')).Distinct().ToList();
        Assert.Equal(["/", "/account/login", "/archive", "/atom.xml", "/comment-policy", "/feed.xml", "/privacy"], links.Order(StringComparer.Ordinal));
        foreach (var href in links)
        {
            using var response = await _client.GetAsync(href);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{href} answered {(int)response.StatusCode}");
        }

        using var admin = await factory.SignedInAdminAsync();
        var staffLink = (await admin.GetDocumentAsync("/")).QuerySelectorAll("footer a").Single(a => a.TextContent == "Staff pages");
        Assert.Equal("/admin", staffLink.GetAttribute("href"));
        using var staffHome = await admin.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.OK, staffHome.StatusCode);
    }

    [Fact]
    public async Task Head_requests_are_answered_like_get()
    {
        using var get = await _client.GetAsync(TestContent.SeedUrl);
        using var request = new HttpRequestMessage(HttpMethod.Head, TestContent.SeedUrl);
        using var response = await _client.SendAsync(request);

        // Same status and headers as GET (type, validators, caching). Kestrel drops a HEAD response's body
        // itself; the in-memory test server does not, so the body is not asserted here.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType, response.Content.Headers.ContentType);
        Assert.Equal(get.Headers.CacheControl, response.Headers.CacheControl);
        // Validators (ETag) come with the output cache, which this factory turns off: see ReaderCacheTests.
    }

    [Fact]
    public async Task Healthz_reports_a_healthy_database()
    {
        using var response = await _client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    private static Comment NewComment(int postId, string name, CommentStatus status, DateTime at, int? parentId = null) => new()
    {
        PostId = postId,
        ParentId = parentId,
        AuthorName = name,
        AuthorEmail = name.ToLowerInvariant().Replace(' ', '.') + "@example.org",
        Body = $"A comment from {name}.",
        BodyHtml = $"<p>A comment from {name}.</p>",
        Status = status,
        CreatedAt = at,
    };
}
