using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;

namespace ClinicBlog.Web.Tests;

/// <summary>Two instances of the blog on one PostgreSQL database and one Redis (<c>ConnectionStrings:Redis</c>),
/// with the output cache on: what one instance changes, the other serves at once (the cache and its tag
/// eviction are in Redis; redirects, menus and settings are announced over Redis), and rate limits and the
/// sign-in throttle count a client's requests on both. Each check fails with per-instance state.</summary>
[Trait("Category", "Slow")]
[Trait("Database", "Own")] // chooses its own database and servers: the PostgreSQL pass would only repeat it
public sealed class RedisSharedStateTests : IAsyncLifetime
{
    private PostgresServer Database { get; set; } = null!;

    private RedisServer Redis { get; set; } = null!;

    private Instance A { get; set; } = null!;

    private Instance B { get; set; } = null!;

    private sealed class Instance(string database, string redis) : BlogFactory
    {
        protected override bool KeepsDataProtectionKeys => true;

        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
        {
            ["Blog:Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:Blog"] = database,
            ["ConnectionStrings:Redis"] = redis,
            ["Blog:OutputCache"] = "true",
            ["Blog:Comments:RateLimitPermits"] = "4",
        };
    }

    public async Task InitializeAsync()
    {
        Database = await PostgresServer.StartAsync();
        Redis = await RedisServer.StartAsync();
        var database = await Database.CreateDatabaseAsync();
        A = new Instance(database, Redis.ConnectionString);
        A.CreateClient().Dispose(); // the first instance migrates and seeds
        B = new Instance(database, Redis.ConnectionString);
        B.CreateClient().Dispose();
    }

    public async Task DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        await Redis.DisposeAsync();
        await Database.DisposeAsync();
    }

    [Fact]
    public async Task A_comment_approved_on_one_instance_shows_at_once_on_the_others_cached_page()
    {
        using var readerOnB = B.CreateBrowserlikeClient();
        await readerOnB.GetStringAsync(TestContent.SeedUrl);
        using (var cached = await readerOnB.GetAsync(TestContent.SeedUrl))
        {
            Assert.True(cached.Headers.Age is not null, "B serves the post from the cache");
        }

        using var readerOnA = A.CreateBrowserlikeClient();
        readerOnA.DefaultRequestHeaders.Add(RemoteAddressFromTestHeader.Header, "198.51.100.10");
        using (var sent = await readerOnA.PostCommentAsync(TestContent.SeedSlug, "Shared Cache", "Seen on both instances?"))
        {
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        }

        using var admin = await A.SignedInAdminAsync();
        var id = await A.WithDbAsync(db => db.Comments.Where(c => c.AuthorName == "Shared Cache").Select(c => c.Id).SingleAsync());
        await admin.ApproveInModerationAsync(id);

        var onB = await readerOnB.GetDocumentAsync(TestContent.SeedUrl);
        Assert.Contains(onB.QuerySelectorAll(".comment-author"), a => a.TextContent == "Shared Cache");
    }

    [Fact]
    public async Task The_comment_rate_limit_counts_a_client_on_both_instances()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var client = (i % 2 == 0 ? A : B).CreateBrowserlikeClient();
            client.DefaultRequestHeaders.Add(RemoteAddressFromTestHeader.Header, "203.0.113.44");
            using var sent = await client.PostCommentAsync(TestContent.SeedSlug, "Busy Reader", $"Comment number {i + 1} in one minute.");
            statuses.Add(sent.StatusCode);
        }

        // Four allowed per minute in all: the fifth is refused, although each instance saw at most three.
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Failed_sign_ins_on_either_instance_hold_the_guesser_back_on_both()
    {
        for (var i = 0; i < 5; i++)
        {
            var (status, _) = await SignInAsync(i % 2 == 0 ? A : B, "someone@clinic.test", $"Wrong-{i}");
            Assert.Equal(HttpStatusCode.OK, status);
        }

        foreach (var instance in new[] { A, B })
        {
            var (status, message) = await SignInAsync(instance, "someone@clinic.test", "Wrong-again");
            Assert.Equal(HttpStatusCode.TooManyRequests, status);
            Assert.StartsWith("Too many failed sign-ins", message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_redirect_and_a_settings_change_made_on_one_instance_apply_at_once_on_the_other()
    {
        using var onB = B.CreateBrowserlikeClient();
        using (var before = await onB.GetAsync("/old-visiting-hours"))
        {
            Assert.Equal(HttpStatusCode.NotFound, before.StatusCode); // B has loaded its (empty) table
        }

        var home = await onB.GetDocumentAsync("/");
        await onB.GetStringAsync("/"); // and cached its home page

        using var admin = await A.SignedInAdminAsync();
        var form = (await admin.GetDocumentAsync("/admin/redirects/new")).Form("form.form");
        await admin.SubmitExpectingSuccessAsync(form, new Dictionary<string, string> { ["From"] = "/old-visiting-hours", ["To"] = "/archive" });
        var settings = (await admin.GetDocumentAsync("/admin/settings")).Form(".settings-form");
        await admin.SubmitExpectingSuccessAsync(settings, new Dictionary<string, string> { ["Title"] = "Riverside Clinic Journal" });

        await Eventually(async () =>
        {
            using var plain = B.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = BlogFactory.Https, AllowAutoRedirect = false });
            using var moved = await plain.GetAsync("/old-visiting-hours");
            return moved.StatusCode == HttpStatusCode.MovedPermanently && moved.Headers.Location?.OriginalString.EndsWith("/archive", StringComparison.Ordinal) == true;
        });
        await Eventually(async () => (await onB.GetDocumentAsync("/")).Title!.Contains("Riverside Clinic Journal", StringComparison.Ordinal));
        Assert.DoesNotContain("Riverside Clinic Journal", home.Title!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_import_started_on_one_instance_shows_its_progress_and_report_on_the_other()
    {
        var jar = new CookieContainer();
        using var onA = A.CreateDefaultClient(BlogFactory.Https, new RedirectHandler(), new CookieContainerHandler(jar));
        using var onB = B.CreateDefaultClient(BlogFactory.Https, new RedirectHandler(), new CookieContainerHandler(jar));
        var login = await onA.GetDocumentAsync("/account/login");
        await onA.SubmitExpectingSuccessAsync(login.Form("main form"), new Dictionary<string, string> { ["Email"] = BlogFactory.AdminEmail, ["Password"] = BlogFactory.AdminPassword });

        string address;
        using (var started = await onA.UploadAsync(WordPressExports.Fixture))
        {
            address = started.RequestMessage!.RequestUri!.AbsolutePath;
        }

        Assert.Matches("^/admin/import/[0-9a-f-]{36}$", address);
        AngleSharp.Dom.IDocument page;
        var deadline = DateTime.UtcNow.AddMinutes(2);
        do
        {
            // The balancer may send each reload to either instance: B knows the job A runs.
            using var response = await onB.GetAsync(address);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            page = await Html.ParseAsync(response);
            Assert.True(DateTime.UtcNow < deadline, "the import was still running after two minutes");
        }
        while (page.QuerySelector("[data-import-running]") is not null);

        var totals = WordPressExports.Totals(page);
        Assert.Equal(("5", "1 (1 merged)"), totals["Articles"]);
        Assert.Equal(("6", "1"), totals["Comments"]);
        Assert.NotEmpty(page.QuerySelectorAll("table.report-notes tbody tr"));
    }

    [Fact]
    public async Task While_redis_is_away_readers_get_pages_comments_are_taken_and_sign_in_asks_to_wait()
    {
        using var reader = B.CreateBrowserlikeClient();
        await reader.GetStringAsync(TestContent.SeedUrl);
        await Redis.KillAsync();

        foreach (var instance in new[] { A, B })
        {
            using var client = instance.CreateBrowserlikeClient();
            using var page = await client.GetAsync(TestContent.SeedUrl);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Null(page.Headers.Age); // rendered afresh, not from the cache
            using var health = await client.GetAsync("/healthz");
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.Equal("Degraded", await health.Content.ReadAsStringAsync());
        }

        using var commenter = A.CreateBrowserlikeClient();
        commenter.DefaultRequestHeaders.Add(RemoteAddressFromTestHeader.Header, "198.51.100.60");
        using (var sent = await commenter.PostCommentAsync(TestContent.SeedSlug, "Redis Away", "Taken while the cache is down."))
        {
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
            Assert.Contains("comment=pending", sent.RequestMessage!.RequestUri!.Query, StringComparison.Ordinal);
        }

        Assert.Equal(1, await A.WithDbAsync(db => db.Comments.CountAsync(c => c.AuthorName == "Redis Away")));
        var (status, _) = await SignInAsync(B, BlogFactory.AdminEmail, BlogFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
    }

    /// <summary>Announcements travel over Redis pub/sub: allow them a moment (they take milliseconds).</summary>
    private static async Task Eventually(Func<Task<bool>> check)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await check())
        {
            Assert.True(DateTime.UtcNow < deadline, "the other instance did not pick up the change within 10 s");
            await Task.Delay(50);
        }
    }

    private static async Task<(HttpStatusCode Status, string Message)> SignInAsync(Instance instance, string email, string password)
    {
        var jar = new CookieContainer();
        using var client = instance.CreateDefaultClient(BlogFactory.Https, new RedirectHandler(), new CookieContainerHandler(jar));
        client.DefaultRequestHeaders.Add(RemoteAddressFromTestHeader.Header, "192.0.2.200");
        var login = await client.GetDocumentAsync("/account/login");
        using var response = await client.SubmitAsync(login.Form("main form"), new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });
        var page = await Html.ParseAsync(response);
        return (response.StatusCode, page.QuerySelector(".form-errors li")?.TextContent.Trim() ?? string.Empty);
    }
}
