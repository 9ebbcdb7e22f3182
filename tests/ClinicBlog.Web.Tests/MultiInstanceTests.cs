using System.Globalization;
using System.Net;
using ClinicBlog.Core.Data;
using ClinicBlog.Core.Notifications;
using ClinicBlog.Core.Posts;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Xunit.Abstractions;

namespace ClinicBlog.Web.Tests;

/// <summary>The scaled-out shape for real: two app processes (Production, as deployed) on one PostgreSQL
/// and one Redis, each on its own port, as a load balancer would reach them. Clients are told apart by
/// <c>X-Forwarded-For</c>, which the app trusts from loopback as it would from the proxy.</summary>
[Trait("Category", "Slow")]
[Trait("Database", "Own")] // chooses its own database and servers: the PostgreSQL pass would only repeat it
public sealed class MultiInstanceTests(MultiInstanceTests.Cluster cluster, ITestOutputHelper output) : IClassFixture<MultiInstanceTests.Cluster>
{
    public sealed class Cluster : IAsyncLifetime
    {
        private readonly List<string> _directories = [];

        public PostgresServer Database { get; private set; } = null!;

        public RedisServer Redis { get; private set; } = null!;

        public MailCatcher Mail { get; } = new();

        public string ConnectionString { get; private set; } = null!;

        public AppProcess A { get; private set; } = null!;

        public AppProcess B { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Database = await PostgresServer.StartAsync();
            Redis = await RedisServer.StartAsync();
            Mail.Start();
            ConnectionString = await Database.CreateDatabaseAsync();
            A = await StartInstanceAsync(); // migrates and seeds
            B = await StartInstanceAsync();
        }

        /// <summary>Another instance on the same database and Redis (its data directory holds nothing shared).</summary>
        public Task<AppProcess> StartInstanceAsync()
        {
            var directory = Path.Combine(Path.GetTempPath(), "clinicblog-tests", Guid.NewGuid().ToString("N"));
            _directories.Add(directory);
            return AppProcess.StartAsync(directory, new Dictionary<string, string>
            {
                ["Blog:Database:Provider"] = "PostgreSql",
                ["ConnectionStrings:Blog"] = ConnectionString,
                ["ConnectionStrings:Redis"] = Redis.ConnectionString,
                ["Blog:Smtp:Host"] = "127.0.0.1",
                ["Blog:Smtp:Port"] = Mail.Port.ToString(CultureInfo.InvariantCulture),
                ["Blog:Smtp:Security"] = "None",
                ["Blog:Smtp:From"] = "blog@clinic.test",
                ["Blog:Notifications:PollSeconds"] = "1",
                ["Blog:SignInRateLimitPermits"] = "6",
            });
        }

        public BlogDbContext Db() => new(new DbContextOptionsBuilder<BlogDbContext>().UseNpgsql(ConnectionString).Options);

        public async Task DisposeAsync()
        {
            await A.DisposeAsync();
            await B.DisposeAsync();
            Mail.Dispose();
            await Redis.DisposeAsync();
            await Database.DisposeAsync();
            foreach (var directory in _directories.Where(Directory.Exists))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    private static HttpClient From(string address)
    {
        var client = new HttpClient(new PlainCookieJar()) { Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    private static Uri On(AppProcess instance, string path) => new(instance.BaseAddress, path);

    [Fact]
    public async Task A_sign_in_on_one_instance_works_on_the_other_and_an_approval_there_reaches_both_cached_pages()
    {
        using var reader = From("198.51.100.21");
        foreach (var instance in new[] { cluster.A, cluster.B })
        {
            await reader.GetStringAsync(On(instance, TestContent.SeedUrl));
            using var cached = await reader.GetAsync(On(instance, TestContent.SeedUrl));
            Assert.True(cached.Headers.Age is not null, "the post page is served from the cache");
        }

        var page = await reader.GetDocumentAsync(On(cluster.A, TestContent.SeedUrl).ToString());
        using (var sent = await reader.SubmitAsync(page.Form("#comment-form form"), new Dictionary<string, string> { ["Name"] = "Two Instances", ["Body"] = "Approved on the other one." }))
        {
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        }

        using var staff = From("198.51.100.22");
        var login = await staff.GetDocumentAsync(On(cluster.A, "/account/login").ToString());
        using (var signedIn = await staff.SubmitAsync(login.Form("main form"), new Dictionary<string, string> { ["Email"] = BlogFactory.AdminEmail, ["Password"] = BlogFactory.AdminPassword }))
        {
            Assert.Equal("/admin", signedIn.RequestMessage!.RequestUri!.AbsolutePath);
        }

        // B accepts A's cookie, and the antiforgery cookie A set, with its own form.
        int id;
        await using (var db = cluster.Db())
        {
            id = await db.Comments.Where(c => c.AuthorName == "Two Instances").Select(c => c.Id).SingleAsync();
        }

        var queue = await staff.GetDocumentAsync(On(cluster.B, "/admin/comments").ToString());
        Assert.Equal(On(cluster.B, "/admin/comments"), queue.Url is { } url ? new Uri(url) : null);
        await staff.SubmitExpectingSuccessAsync(queue.Form(".moderation-form"), null, $"#queue-{id} button[value=approve]");

        foreach (var instance in new[] { cluster.A, cluster.B })
        {
            var article = await reader.GetDocumentAsync(On(instance, TestContent.SeedUrl).ToString());
            Assert.Contains(article.QuerySelectorAll(".comment-author"), a => a.TextContent == "Two Instances");
        }
    }

    [Fact]
    public async Task The_sign_in_rate_limit_counts_one_client_on_both_instances()
    {
        using var guesser = From("203.0.113.90");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "x@clinic.test", ["Password"] = "guess" });
            using var response = await guesser.PostAsync(On(i % 2 == 0 ? cluster.A : cluster.B, "/account/login"), form);
            statuses.Add(response.StatusCode);
        }

        // Six a minute in all: the seventh is refused although neither instance saw more than four.
        Assert.All(statuses.Take(6), s => Assert.NotEqual(HttpStatusCode.TooManyRequests, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[6]);
    }

    [Fact]
    public async Task Every_queued_message_is_sent_once_while_both_instances_send()
    {
        var subjects = Enumerable.Range(1, 10).Select(i => $"Cluster message {i}").ToList();
        await using (var db = cluster.Db())
        {
            foreach (var subject in subjects)
            {
                db.Notifications.Add(new Notification { Kind = NotificationKind.Test, RecipientEmail = "staff@clinic.test", Subject = subject, Body = "Once.", NextAttemptAt = DateTime.UtcNow });
            }

            await db.SaveChangesAsync();
        }

        await Eventually(() => Task.FromResult(subjects.All(s => cluster.Mail.Messages.Any(m => m.Subject == s))), TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(3)); // both senders have had more rounds since
        foreach (var subject in subjects)
        {
            Assert.Single(cluster.Mail.Messages, m => m.Subject == subject);
        }
    }

    [Fact]
    public async Task A_scheduled_post_appears_on_both_cached_home_pages_at_its_time()
    {
        var title = "Scheduled for the cluster";
        using var reader = From("198.51.100.23");
        await using (var db = cluster.Db())
        {
            await TestContent.AddPostAsync(db, null, title, PostStatus.Scheduled, DateTime.UtcNow.AddSeconds(5));
        }

        foreach (var instance in new[] { cluster.A, cluster.B })
        {
            var home = await reader.GetDocumentAsync(On(instance, "/").ToString());
            Assert.DoesNotContain(home.QuerySelectorAll(".post-card h2 a"), a => a.TextContent == title);
        }

        // One round every 30 s across both instances; the eviction reaches both through Redis.
        await Eventually(async () =>
        {
            foreach (var instance in new[] { cluster.A, cluster.B })
            {
                var home = await reader.GetDocumentAsync(On(instance, "/").ToString());
                if (!home.QuerySelectorAll(".post-card h2 a").Any(a => a.TextContent == title))
                {
                    return false;
                }
            }

            return true;
        }, TimeSpan.FromSeconds(75));
    }

    [Fact]
    public async Task Killing_one_instance_mid_load_loses_no_acknowledged_comment()
    {
        var victim = await cluster.StartInstanceAsync();
        var onVictim = new CommentLoad(victim.BaseAddress);
        var onSurvivor = new CommentLoad(cluster.B.BaseAddress);
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var survivorLoad = onSurvivor.RunAsync(commenters: 5, perCommenter: 60, readers: 1, moderate: false, stop.Token);
        await using (victim)
        {
            using var stopVictim = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
            var victimLoad = onVictim.RunAsync(commenters: 10, perCommenter: 1000, readers: 1, moderate: true, stopVictim.Token);
            while (onVictim.Acknowledged.Count < 150 && !victimLoad.IsCompleted)
            {
                await Task.Delay(20);
            }

            await victim.KillAsync();
            await stopVictim.CancelAsync();
            await victimLoad;
        }

        await survivorLoad;
        output.WriteLine($"killed instance acknowledged {onVictim.Acknowledged.Count} ({onVictim.ConnectionFailures} cut off); survivor {onSurvivor.Acknowledged.Count}");
        Assert.True(onVictim.Acknowledged.Count >= 150);
        Assert.Equal(300, onSurvivor.Acknowledged.Count);
        Assert.Empty(onSurvivor.ServerErrors);

        List<string> stored;
        await using (var db = cluster.Db())
        {
            stored = await db.Comments.Where(c => c.Body.StartsWith("Load comment")).Select(c => c.Body).ToListAsync();
        }

        var counts = stored.GroupBy(b => b).ToDictionary(g => g.Key, g => g.Count());
        var acknowledged = onVictim.Acknowledged.Concat(onSurvivor.Acknowledged).ToList();
        var missing = acknowledged.Count(b => !counts.ContainsKey(b));
        Assert.True(missing == 0, $"{missing} acknowledged comments are missing");
        Assert.DoesNotContain(counts, c => c.Value > 1);
        using var client = new HttpClient();
        using var page = await client.GetAsync(On(cluster.B, TestContent.SeedUrl));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    private static async Task Eventually(Func<Task<bool>> check, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (!await check())
        {
            Assert.True(DateTime.UtcNow < deadline, $"not so within {within.TotalSeconds} s");
            await Task.Delay(250);
        }
    }
}
