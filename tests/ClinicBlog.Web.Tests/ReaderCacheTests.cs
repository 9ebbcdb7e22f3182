using System.Net;
using System.Net.Http.Headers;
using ClinicBlog.Core.Posts;
using ClinicBlog.Web.Caching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;

namespace ClinicBlog.Web.Tests;

/// <summary>Cache correctness (not speed), with the output cache on as in production. Content changes
/// only through the app, as staff make them.</summary>
public sealed class ReaderCacheTests(ReaderCacheTests.Factory factory) : IClassFixture<ReaderCacheTests.Factory>
{
    public sealed class Factory : BlogFactory
    {
        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Blog:OutputCache"] = "true" };
    }

    [Fact]
    public async Task A_cached_post_page_shows_a_newly_approved_comment_and_never_a_pending_one()
    {
        using var reader = factory.CreateBrowserlikeClient();
        var before = await reader.GetStringAsync(TestContent.SeedUrl);
        await reader.PostCommentAsync(TestContent.SeedSlug, "Cache Watcher", "Does the cache keep up?");

        var whilePending = await reader.GetStringAsync(TestContent.SeedUrl);
        Assert.Equal(before, whilePending);
        Assert.DoesNotContain("Cache Watcher", whilePending, StringComparison.Ordinal);

        using var admin = await factory.SignedInAdminAsync();
        var id = await factory.WithDbAsync(db => db.Comments.Where(c => c.AuthorName == "Cache Watcher").Select(c => c.Id).SingleAsync());
        await admin.ApproveInModerationAsync(id);

        var after = await reader.GetDocumentAsync(TestContent.SeedUrl);
        Assert.Contains(after.QuerySelectorAll(".comment-author"), a => a.TextContent == "Cache Watcher");
    }

    [Fact]
    public async Task A_draft_edit_leaves_the_public_page_alone_and_publishing_shows_at_once()
    {
        using var reader = factory.CreateBrowserlikeClient();
        var home = await reader.GetStringAsync("/");
        using var admin = await factory.SignedInAdminAsync();

        var editor = await admin.GetDocumentAsync("/admin/posts/new");
        await admin.SubmitExpectingSuccessAsync(editor.Form(".editor-form"), new Dictionary<string, string>
        {
            ["Title"] = "Cache draft post",
            ["Body"] = "Secret draft words.",
        }, "button[value=save]");
        Assert.DoesNotContain("Cache draft post", await reader.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.DoesNotContain("Secret draft words", await reader.GetStringAsync("/search?q=secret"), StringComparison.Ordinal);

        var id = await factory.WithDbAsync(db => db.Posts.Where(p => p.Slug == "cache-draft-post").Select(p => p.Id).SingleAsync());
        var signedOff = new PostContent("Cache draft post", "cache-draft-post", null, "Secret draft words.", [], null).Fingerprint();
        await factory.WithDbAsync(db => db.Posts.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.ReviewedContentHash, signedOff)));
        var edit = await admin.GetDocumentAsync($"/admin/posts/{id}/edit");
        await admin.SubmitExpectingSuccessAsync(edit.Form(".editor-form"), new Dictionary<string, string> { ["Status"] = "Published" }, "button[value=save]");

        Assert.Contains("Cache draft post", await reader.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.NotEqual(home, await reader.GetStringAsync("/"));
    }

    [Fact]
    public async Task Signed_in_staff_are_never_served_from_nor_stored_in_the_cache()
    {
        using var admin = await factory.SignedInAdminAsync();
        using var staffView = await admin.GetAsync("/tags/ketamine?page=1");
        using var reader = factory.CreateBrowserlikeClient();
        using var readerView = await reader.GetAsync("/tags/ketamine?page=1");

        Assert.False(staffView.Headers.Contains("Age"));
        Assert.DoesNotContain("Sign out", await readerView.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(readerView.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task An_anonymous_second_visit_is_served_from_the_cache()
    {
        using var client = factory.CreateBrowserlikeClient();

        using var first = await client.GetAsync("/authors/editorial-team");
        using var second = await client.GetAsync("/authors/editorial-team");

        Assert.False(first.Headers.Contains("Age"));
        Assert.True(second.Headers.Contains("Age"), "the second visit was rendered again instead of served from the cache");
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_page_sent_from_the_front_carries_exactly_what_the_rendered_page_did()
    {
        using var client = factory.CreateBrowserlikeClient();
        using var rendered = await client.GetAsync("/archive?page=1");
        using var kept = await client.GetAsync("/archive?page=1");
        using var again = await client.GetAsync("/archive?page=1&utm_source=newsletter");
        // Another spelling of the path is the same entry for the output cache and its own for the front:
        // the front keeps it as the output cache sends it from its store.
        var front = factory.Services.GetRequiredService<ReaderPageFront>();
        var keptBefore = front.Count;
        using var fromStore = await client.GetAsync("/ARCHIVE?page=1");
        using var keptFromStore = await client.GetAsync("/ARCHIVE?page=1");

        Assert.True(keptBefore > 0, "the front kept no page");
        Assert.Equal(keptBefore + 1, front.Count);
        var renderedBody = await rendered.Content.ReadAsByteArrayAsync();
        foreach (var response in new[] { kept, again, fromStore, keptFromStore })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(renderedBody, await response.Content.ReadAsByteArrayAsync());
            Assert.Equal(Headers(rendered), Headers(response));
            Assert.True(response.Headers.Age is not null, "sent again without an Age");
            Assert.Equal(renderedBody.Length, response.Content.Headers.ContentLength);
        }

        // Every header but the ones written per response (Date, Age) and the length, which the rendered
        // page streamed without and a kept page states (checked above), in order of name.
        static string Headers(HttpResponseMessage response) => string.Join('\n', response.Headers.Concat(response.Content.Headers)
            .Where(h => h.Key is not ("Date" or "Age" or "Content-Length"))
            .OrderBy(h => h.Key, StringComparer.Ordinal)
            .Select(h => h.Key + ": " + string.Join(", ", h.Value)));
    }

    [Fact]
    public async Task Staff_signing_in_after_readers_filled_the_front_get_their_own_page()
    {
        using var reader = factory.CreateBrowserlikeClient();
        await reader.GetStringAsync("/tags/ketamine?page=1&comments=front");
        var readerView = await reader.GetStringAsync("/tags/ketamine?page=1&comments=front");

        using var admin = await factory.SignedInAdminAsync();
        using var staffView = await admin.GetAsync("/tags/ketamine?page=1&comments=front");

        Assert.Contains("Staff sign in", readerView, StringComparison.Ordinal);
        Assert.False(staffView.Headers.Contains("Age"));
        var staffPage = await staffView.Content.ReadAsStringAsync();
        Assert.Contains(">Staff pages</a>", staffPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Staff sign in", staffPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_matching_if_none_match_gets_a_304()
    {
        using var client = factory.CreateBrowserlikeClient();
        using var first = await client.GetAsync("/feed.xml");
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/feed.xml");
        request.Headers.IfNoneMatch.Add(etag);
        using var second = await client.SendAsync(request);
        using var post = await client.GetAsync(TestContent.SeedUrl);
        using var postRequest = new HttpRequestMessage(HttpMethod.Get, TestContent.SeedUrl);
        postRequest.Headers.IfNoneMatch.Add(post.Headers.ETag!);
        using var postAgain = await client.SendAsync(postRequest);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, postAgain.StatusCode);
    }

    [Fact]
    public async Task Head_requests_get_the_same_validators_as_get()
    {
        using var client = factory.CreateBrowserlikeClient();
        using var get = await client.GetAsync("/tags/ketamine");
        using var request = new HttpRequestMessage(HttpMethod.Head, "/tags/ketamine");
        using var head = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.NotNull(get.Headers.ETag);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Equal((await get.Content.ReadAsByteArrayAsync()).Length, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
    }

    [Fact]
    public async Task Search_results_are_never_stored_so_a_flood_of_queries_cannot_push_pages_out()
    {
        using var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = BlogFactory.Https, AllowAutoRedirect = false });
        async Task<HttpResponseMessage> GzipAsync(string url)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
            return await client.SendAsync(request);
        }

        using var first = await GzipAsync("/search?q=ketamine");
        using var second = await GzipAsync("/search?q=ketamine");
        using var emptySearch = await GzipAsync("/search");
        using var emptyAgain = await GzipAsync("/search");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.False(second.Headers.Contains("Age"), "a search result was served from the output cache");
        // Not stored, so not buffered and hashed either; still compressed (at the cheapest level).
        Assert.Null(second.Headers.ETag);
        Assert.Equal("gzip", Assert.Single(second.Content.Headers.ContentEncoding));
        await using var gzip = new System.IO.Compression.GZipStream(await second.Content.ReadAsStreamAsync(), System.IO.Compression.CompressionMode.Decompress);
        using var text = new StreamReader(gzip);
        Assert.Contains("href=\"/posts/what-is-ketamine-iv-treatment\"", await text.ReadToEndAsync(), StringComparison.Ordinal);
        // The search form without a query is one page like any other, and is cached.
        Assert.True(emptyAgain.Headers.Contains("Age"));
    }

    [Fact]
    public async Task Reader_pages_are_compressed_and_the_cache_keeps_one_entry_per_encoding()
    {
        using var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = BlogFactory.Https, AllowAutoRedirect = false });
        using var brotli = new HttpRequestMessage(HttpMethod.Get, "/archive");
        brotli.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        using var gzip = new HttpRequestMessage(HttpMethod.Get, "/archive");
        gzip.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        using var plain = new HttpRequestMessage(HttpMethod.Get, "/archive");

        using var br = await client.SendAsync(brotli);
        using var gz = await client.SendAsync(gzip);
        using var none = await client.SendAsync(plain);

        Assert.Equal("br", Assert.Single(br.Content.Headers.ContentEncoding));
        Assert.Equal("gzip", Assert.Single(gz.Content.Headers.ContentEncoding));
        Assert.Empty(none.Content.Headers.ContentEncoding);
        Assert.Contains("<h1>Archive</h1>", await none.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var adminLogin = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        adminLogin.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        using var staffPage = await client.SendAsync(adminLogin);
        Assert.Empty(staffPage.Content.Headers.ContentEncoding);
    }

    public static TheoryData<string, string?> OddAcceptEncodings => new()
    {
        { "star", "*" },
        { "star-but-not-gzip", "*, gzip;q=0" },
        { "no-brotli", "br;q=0, gzip" },
        { "no-identity", "identity;q=0" },
        { "upper-case", "GZIP" },
        { "gzip-zero", "gzip;q=0.0" },
        { "duplicates", "gzip, gzip, br;q=0.5, br;q=0.1" },
        { "empty", "" },
        { "none", null },
        { "garbage", ";;q=,br" },
    };

    /// <summary>The cache key must come from the encoding the compression middleware actually chose:
    /// an odd Accept-Encoding on a not-yet-cached page must not leave a body under another key that
    /// the next, ordinary client cannot decode (each decodes what it gets, or gets it plain).</summary>
    [Theory]
    [MemberData(nameof(OddAcceptEncodings))]
    public Task An_odd_accept_encoding_cannot_leave_an_undecodable_page_for_others(string label, string? acceptEncoding) =>
        EveryClientCanReadAsync("/search?q=ketamine" + label.Replace("-", string.Empty, StringComparison.Ordinal), "<h1>Search</h1>", acceptEncoding);

    /// <summary>The same on a page the output cache stores and the front keeps (asked for twice by each
    /// client, so the second answer comes from the front).</summary>
    [Theory]
    [MemberData(nameof(OddAcceptEncodings))]
    public Task An_odd_accept_encoding_cannot_leave_an_undecodable_kept_page_for_others(string label, string? acceptEncoding) =>
        EveryClientCanReadAsync("/archive?comments=" + label, "<h1>Archive</h1>", acceptEncoding);

    private async Task EveryClientCanReadAsync(string url, string heading, string? acceptEncoding)
    {
        using var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = BlogFactory.Https, AllowAutoRedirect = false });
        using var first = new HttpRequestMessage(HttpMethod.Get, url);
        if (acceptEncoding is not null)
        {
            first.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        using var poisoner = await client.SendAsync(first);
        Assert.Equal(HttpStatusCode.OK, poisoner.StatusCode);

        foreach (var accepted in new[] { "gzip", "br", null, "gzip", "br", null })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (accepted is not null)
            {
                request.Headers.TryAddWithoutValidation("Accept-Encoding", accepted);
            }

            using var response = await client.SendAsync(request);
            var encoding = response.Content.Headers.ContentEncoding.SingleOrDefault();
            var bytes = await response.Content.ReadAsByteArrayAsync();
            string html;
            if (accepted is not null && encoding == accepted)
            {
                await using Stream decoded = accepted == "gzip"
                    ? new System.IO.Compression.GZipStream(new MemoryStream(bytes), System.IO.Compression.CompressionMode.Decompress)
                    : new System.IO.Compression.BrotliStream(new MemoryStream(bytes), System.IO.Compression.CompressionMode.Decompress);
                using var reader = new StreamReader(decoded);
                html = await reader.ReadToEndAsync();
            }
            else
            {
                Assert.True(encoding is null, $"after '{acceptEncoding}', a client accepting {accepted ?? "nothing"} got {encoding}");
                html = System.Text.Encoding.UTF8.GetString(bytes);
            }

            Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
            Assert.Contains(heading, html, StringComparison.Ordinal);
        }
    }
}
