using System.Net;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using ClinicBlog.Core.Posts;
using Microsoft.EntityFrameworkCore;

namespace ClinicBlog.Web.Tests;

public sealed class DiscoveryTests(DiscoveryTests.Factory factory) : IClassFixture<DiscoveryTests.Factory>
{
    public sealed class Factory : BlogFactory
    {
        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Blog:BaseUrl"] = "https://blog.clinic.example" };
    }

    [Theory]
    [InlineData("/feed.xml")]
    [InlineData("/atom.xml")]
    [InlineData("/tags/ketamine/feed.xml")]
    [InlineData("/authors/editorial-team/atom.xml")]
    public async Task Feeds_parse_with_absolute_links_full_content_and_only_published_posts(string url)
    {
        await HiddenPostsAsync();
        using var client = factory.CreateBrowserlikeClient();

        using var response = await client.GetAsync(url);
        using var reader = XmlReader.Create(await response.Content.ReadAsStreamAsync());
        var feed = SyndicationFeed.Load(reader);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var item = Assert.Single(feed.Items, i => i.Title.Text == TestContent.SeedTitle);
        Assert.Equal("https://blog.clinic.example/posts/what-is-ketamine-iv-treatment", item.Links[0].Uri.ToString());
        Assert.Equal(new DateTimeOffset(2024, 6, 14, 8, 0, 0, TimeSpan.Zero), item.PublishDate);
        Assert.Contains("Understanding Ketamine IV Treatment", ((TextSyndicationContent)item.Content).Text, StringComparison.Ordinal);
        Assert.Equal("Clinic Editorial Team", Assert.Single(item.Authors).Name);
        Assert.DoesNotContain(feed.Items, i => i.Title.Text.StartsWith("Hidden", StringComparison.Ordinal));
        Assert.All(feed.Items, i => Assert.True(i.Links[0].Uri.IsAbsoluteUri));
    }

    [Fact]
    public async Task Unknown_tag_and_author_feeds_are_a_404()
    {
        using var client = factory.CreateBrowserlikeClient();

        using var tag = await client.GetAsync("/tags/nothing/feed.xml");
        using var author = await client.GetAsync("/authors/nobody/atom.xml");

        Assert.Equal(HttpStatusCode.NotFound, tag.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, author.StatusCode);
    }

    [Fact]
    public async Task The_sitemap_lists_home_posts_with_lastmod_authors_and_tags_but_nothing_hidden()
    {
        await HiddenPostsAsync();
        using var client = factory.CreateBrowserlikeClient();

        var xml = XDocument.Parse(await client.GetStringAsync("/sitemap.xml"));
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var urls = xml.Root!.Elements(ns + "url").ToDictionary(u => u.Element(ns + "loc")!.Value, u => u.Element(ns + "lastmod")?.Value);

        Assert.Contains("https://blog.clinic.example/", urls.Keys);
        Assert.Equal("2024-06-14", urls["https://blog.clinic.example/posts/what-is-ketamine-iv-treatment"]);
        Assert.Contains("https://blog.clinic.example/authors/editorial-team", urls.Keys);
        Assert.Contains("https://blog.clinic.example/tags/ketamine", urls.Keys);
        Assert.DoesNotContain(urls.Keys, u => u.Contains("hidden", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Robots_names_the_sitemap_and_keeps_staff_pages_out()
    {
        var robots = await factory.CreateBrowserlikeClient().GetStringAsync("/robots.txt");

        Assert.Contains("Disallow: /admin", robots, StringComparison.Ordinal);
        Assert.Contains("Disallow: /account", robots, StringComparison.Ordinal);
        Assert.Contains("Sitemap: https://blog.clinic.example/sitemap.xml", robots, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reader_pages_have_unique_titles_descriptions_canonical_links_and_social_tags()
    {
        using var client = factory.CreateBrowserlikeClient();
        var urls = new[] { "/", "/archive", TestContent.SeedUrl, "/authors/editorial-team", "/tags/ketamine", "/search?q=ketamine" };
        var titles = new List<string>();

        foreach (var url in urls)
        {
            var doc = await client.GetDocumentAsync(url);
            titles.Add(doc.Title!);
            Assert.False(string.IsNullOrWhiteSpace(doc.QuerySelector("meta[name=description]")?.GetAttribute("content")), $"{url}: no description");
            Assert.StartsWith("https://blog.clinic.example/", doc.QuerySelector("link[rel=canonical]")!.GetAttribute("href"), StringComparison.Ordinal);
            Assert.NotNull(doc.QuerySelector("meta[property='og:title']"));
            Assert.NotNull(doc.QuerySelector("meta[name='twitter:card']"));
            Assert.Equal("/feed.xml", doc.QuerySelector("link[rel=alternate][type='application/rss+xml']")!.GetAttribute("href"));
            Assert.NotNull(doc.QuerySelector("header form[role=search] input[name=q]"));
        }

        Assert.Equal(titles.Count, titles.Distinct().Count());
        var post = await client.GetDocumentAsync(TestContent.SeedUrl);
        Assert.Equal("https://blog.clinic.example/posts/what-is-ketamine-iv-treatment", post.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("article", post.QuerySelector("meta[property='og:type']")!.GetAttribute("content"));
        var tag = await client.GetDocumentAsync("/tags/ketamine");
        Assert.Equal("/tags/ketamine/feed.xml", tag.QuerySelectorAll("link[rel=alternate][type='application/rss+xml']")[1].GetAttribute("href"));
    }

    [Fact]
    public async Task Json_ld_describes_the_medical_page_and_a_hostile_title_cannot_break_out()
    {
        var slug = await factory.AddPostAsync("Escaping </script><script>alert(1)</script> tests", PostStatus.Published, DateTime.UtcNow.AddDays(-1));
        using var client = factory.CreateBrowserlikeClient();

        var seeded = await client.GetDocumentAsync(TestContent.SeedUrl);
        var hostile = await client.GetDocumentAsync("/posts/" + slug);

        using var json = JsonDocument.Parse(seeded.QuerySelector("script[type='application/ld+json']")!.TextContent);
        var page = json.RootElement[0];
        Assert.Equal("MedicalWebPage", page.GetProperty("@type").GetString());
        Assert.Equal(TestContent.SeedTitle, page.GetProperty("headline").GetString());
        Assert.Equal("Clinic Editorial Team", page.GetProperty("author").GetProperty("name").GetString());
        Assert.Equal("2024-06-14T08:00:00Z", page.GetProperty("datePublished").GetString());
        Assert.True(page.TryGetProperty("dateModified", out _));
        Assert.Equal("Organization", page.GetProperty("publisher").GetProperty("@type").GetString());
        Assert.Equal("BreadcrumbList", json.RootElement[1].GetProperty("@type").GetString());

        var scripts = hostile.QuerySelectorAll("script");
        var data = Assert.Single(scripts);
        Assert.Equal("application/ld+json", data.GetAttribute("type"));
        using var parsed = JsonDocument.Parse(data.TextContent);
        Assert.Equal("Escaping </script><script>alert(1)</script> tests", parsed.RootElement[0].GetProperty("headline").GetString());
    }

    [Fact]
    public async Task A_reviewed_post_carries_reviewed_by_and_last_reviewed()
    {
        var slug = await factory.AddPostAsync("Reviewed structured data", PostStatus.Published, DateTime.UtcNow.AddDays(-1));
        await factory.WithDbAsync(async db =>
        {
            var reviewer = new Core.Authors.Author { DisplayName = "Dr Data", Slug = "dr-data", Credentials = "MD" };
            db.Authors.Add(reviewer);
            await db.SaveChangesAsync();
            await db.Posts.Where(p => p.Slug == slug).ExecuteUpdateAsync(s => s
                .SetProperty(p => p.ReviewerId, reviewer.Id)
                .SetProperty(p => p.ReviewedAt, new DateTime(2025, 3, 1, 0, 0, 0, DateTimeKind.Utc)));
        });

        var doc = await factory.CreateBrowserlikeClient().GetDocumentAsync("/posts/" + slug);
        using var json = JsonDocument.Parse(doc.QuerySelector("script[type='application/ld+json']")!.TextContent);

        Assert.Equal("Dr Data", json.RootElement[0].GetProperty("reviewedBy").GetProperty("name").GetString());
        Assert.Equal("MD", json.RootElement[0].GetProperty("reviewedBy").GetProperty("jobTitle").GetString());
        Assert.Equal("2025-03-01", json.RootElement[0].GetProperty("lastReviewed").GetString());
    }

    [Theory]
    [InlineData("NMDA")]
    [InlineData("glutamate")]
    [InlineData("Glutamate receptors")]
    public async Task Search_finds_the_ketamine_article_and_highlights_the_term(string query)
    {
        var doc = await factory.CreateBrowserlikeClient().GetDocumentAsync("/search?q=" + Uri.EscapeDataString(query));

        var first = doc.QuerySelector(".search-result")!;
        Assert.Equal(TestContent.SeedTitle, first.QuerySelector("h2 a")!.TextContent);
        Assert.Contains(first.QuerySelectorAll(".snippet mark"), m => query.Split(' ').Any(w => m.TextContent.StartsWith(w, StringComparison.OrdinalIgnoreCase)));
        Assert.Matches(@"^\d+ articles? found", doc.QuerySelector(".result-count")!.TextContent);
    }

    [Fact]
    public async Task A_title_match_ranks_above_a_body_match_and_hidden_posts_are_never_found()
    {
        await factory.AddPostAsync("Ketamine clinic FAQ", PostStatus.Published, DateTime.UtcNow.AddDays(-2));
        await factory.AddPostAsync("Unrelated note", PostStatus.Published, DateTime.UtcNow.AddDays(-2));
        await factory.WithDbAsync(db => db.Posts.Where(p => p.Slug == "unrelated-note")
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Body, "One sentence mentions ketamine once.")
                .SetProperty(p => p.SearchText, "One sentence mentions ketamine once.")));
        await HiddenPostsAsync();

        var doc = await factory.CreateBrowserlikeClient().GetDocumentAsync("/search?q=FAQ+ketamine");
        var all = await factory.CreateBrowserlikeClient().GetDocumentAsync("/search?q=ketamine");

        Assert.Equal("Ketamine clinic FAQ", doc.QuerySelector(".search-result h2 a")!.TextContent);
        var titles = all.QuerySelectorAll(".search-result h2 a").Select(a => a.TextContent).ToList();
        Assert.True(titles.IndexOf("Ketamine clinic FAQ") < titles.IndexOf("Unrelated note"));
        Assert.DoesNotContain(titles, t => t.StartsWith("Hidden", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("\"unbalanced")]
    [InlineData("*")]
    [InlineData("ketamine*")]
    [InlineData("-ketamine")]
    [InlineData("NEAR(ketamine depression)")]
    [InlineData("ketamine NEAR depression")]
    [InlineData("(((")]
    [InlineData("a OR b AND NOT c")]
    [InlineData("title:ketamine")]
    [InlineData("^ketamine")]
    [InlineData("'; DROP TABLE Posts; --")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("%00")]
    public async Task Hostile_queries_answer_200_and_nothing_breaks(string query)
    {
        using var response = await factory.CreateBrowserlikeClient().GetAsync("/search?q=" + Uri.EscapeDataString(query));
        var doc = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(doc.QuerySelectorAll("main script, .snippet *:not(mark)"));
        Assert.True(await factory.WithDbAsync(db => db.Posts.AnyAsync()));
    }

    [Fact]
    public async Task A_search_sees_every_change_made_since_the_previous_search_and_counts_past_a_full_page()
    {
        var client = factory.CreateBrowserlikeClient();
        async Task<(string Count, List<string> Titles)> SearchAsync(string query, int page = 1)
        {
            var doc = await client.GetDocumentAsync($"/search?q={query}&page={page}");
            return (doc.QuerySelector(".result-count")!.TextContent, doc.QuerySelectorAll(".search-result h2 a").Select(a => a.TextContent).ToList());
        }

        Assert.StartsWith("0 articles found", (await SearchAsync("Axolotl")).Count, StringComparison.Ordinal);

        // Twelve matches: the first page is full, so the total is counted by the second statement.
        foreach (var i in Enumerable.Range(1, 12))
        {
            await factory.AddPostAsync($"Axolotl note {i}", PostStatus.Published, DateTime.UtcNow.AddDays(-i));
        }

        var first = await SearchAsync("Axolotl");
        Assert.StartsWith("12 articles found", first.Count, StringComparison.Ordinal);
        Assert.Equal(10, first.Titles.Count);
        Assert.Equal(["Axolotl note 11", "Axolotl note 12"], (await SearchAsync("Axolotl", page: 2)).Titles);

        await factory.WithDbAsync(db => db.Posts.Where(p => p.Slug == "axolotl-note-1")
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PostStatus.Draft)));
        await factory.WithDbAsync(db => db.Posts.Where(p => p.Slug == "axolotl-note-2")
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Title, "Salamander note").SetProperty(p => p.Summary, "Newts.")
                .SetProperty(p => p.SearchText, "Newts and salamanders.")));

        var after = await SearchAsync("Axolotl");
        Assert.StartsWith("10 articles found", after.Count, StringComparison.Ordinal);
        Assert.DoesNotContain("Axolotl note 1", after.Titles);
        Assert.Equal(["Salamander note"], (await SearchAsync("salamanders")).Titles);
    }

    [Fact]
    public async Task A_very_long_query_answers_200()
    {
        using var response = await factory.CreateBrowserlikeClient().GetAsync("/search?q=" + new string('k', 3000) + "+ketamine");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_archive_groups_posts_by_year_and_month_and_related_posts_share_tags()
    {
        var slug = await factory.AddPostAsync("Depression and sleep", PostStatus.Published, new DateTime(2025, 2, 10, 9, 0, 0, DateTimeKind.Utc), "depression");
        using var client = factory.CreateBrowserlikeClient();

        var archive = await client.GetDocumentAsync("/archive");
        var post = await client.GetDocumentAsync(TestContent.SeedUrl);

        Assert.Contains(archive.QuerySelectorAll(".archive-year h2"), h => h.TextContent == "2024");
        Assert.Contains(archive.QuerySelectorAll("h3"), h => h.TextContent == "June 2024");
        Assert.Contains(archive.QuerySelectorAll("h3"), h => h.TextContent == "February 2025");
        Assert.Contains(post.QuerySelectorAll(".related a"), a => a.GetAttribute("href") == "/posts/" + slug);
    }

    [Fact]
    public async Task Related_posts_are_the_three_newest_visible_posts_sharing_a_tag()
    {
        await factory.WithDbAsync(db =>
        {
            db.Tags.Add(new Tag { Name = "Sleep hygiene", Slug = "sleep-hygiene" });
            return db.SaveChangesAsync();
        });
        var now = DateTime.UtcNow;
        var post = await factory.AddPostAsync("Sleep and mood", PostStatus.Published, now.AddDays(-10), "sleep-hygiene");
        var oldest = await factory.AddPostAsync("Sleep diaries", PostStatus.Published, now.AddDays(-9), "sleep-hygiene");
        var third = await factory.AddPostAsync("Naps and night sleep", PostStatus.Published, now.AddDays(-5), "sleep-hygiene");
        var second = await factory.AddPostAsync("Screens before bed", PostStatus.Published, now.AddDays(-4), "sleep-hygiene");
        var newest = await factory.AddPostAsync("Caffeine and sleep", PostStatus.Published, now.AddDays(-3), "sleep-hygiene");
        await factory.AddPostAsync("Sleep clinic hours", PostStatus.Draft, null, "sleep-hygiene");
        await factory.AddPostAsync("Sleep study results", PostStatus.Scheduled, now.AddDays(3), "sleep-hygiene");
        await factory.AddPostAsync("Parking at the clinic", PostStatus.Published, now.AddDays(-1));
        using var client = factory.CreateBrowserlikeClient();

        var page = await client.GetDocumentAsync("/posts/" + post);

        var related = page.QuerySelectorAll(".related a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(new[] { newest, second, third }.Select(slug => "/posts/" + slug), related);
        Assert.DoesNotContain("/posts/" + oldest, related);
    }

    [Fact]
    public async Task The_crisis_notice_shows_on_the_seeded_article_and_not_on_a_post_without_those_tags()
    {
        var slug = await factory.AddPostAsync("Clinic parking update", PostStatus.Published, DateTime.UtcNow.AddDays(-1));
        using var client = factory.CreateBrowserlikeClient();

        var seeded = await client.GetDocumentAsync(TestContent.SeedUrl);
        var parking = await client.GetDocumentAsync("/posts/" + slug);

        Assert.NotNull(seeded.QuerySelector(".notice-crisis"));
        Assert.Null(parking.QuerySelector(".notice-crisis"));
        Assert.NotNull(parking.QuerySelector(".disclaimer"));
    }

    [Fact]
    public async Task A_tag_used_only_on_unpublished_posts_has_no_page_or_feed_until_one_is_published()
    {
        await factory.WithDbAsync(async db =>
        {
            db.Tags.Add(new Tag { Name = "Upcoming partnership", Slug = "upcoming-partnership" });
            await db.SaveChangesAsync();
        });
        await factory.AddPostAsync("Secret launch draft", PostStatus.Draft, null, "upcoming-partnership");
        await factory.AddPostAsync("Secret launch scheduled", PostStatus.Scheduled, DateTime.UtcNow.AddDays(3), "upcoming-partnership");
        using var reader = factory.CreateBrowserlikeClient();

        var hidden = new List<HttpStatusCode>();
        foreach (var url in new[] { "/tags/upcoming-partnership", "/tags/upcoming-partnership/feed.xml", "/tags/upcoming-partnership/atom.xml" })
        {
            using var response = await reader.GetAsync(url);
            hidden.Add(response.StatusCode);
            Assert.DoesNotContain("Upcoming partnership", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await factory.AddPostAsync("Partnership announced", PostStatus.Published, DateTime.UtcNow.AddHours(-1), "upcoming-partnership");
        using var shown = await reader.GetAsync("/tags/upcoming-partnership");

        Assert.All(hidden, status => Assert.Equal(HttpStatusCode.NotFound, status));
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        var titles = (await Html.ParseAsync(shown)).QuerySelectorAll(".post-card h2 a").Select(a => a.TextContent).ToList();
        Assert.Equal(["Partnership announced"], titles);
    }

    private async Task HiddenPostsAsync()
    {
        if (!await factory.WithDbAsync(db => db.Posts.AnyAsync(p => p.Slug == "hidden-draft-ketamine")))
        {
            await factory.AddPostAsync("Hidden draft ketamine", PostStatus.Draft, null, "ketamine");
            await factory.AddPostAsync("Hidden scheduled ketamine", PostStatus.Scheduled, DateTime.UtcNow.AddDays(5), "ketamine");
        }
    }
}
