using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;

namespace ClinicBlog.Web.Tests;

/// <summary><c>copy-to-postgresql</c> as an operator runs it: a SQLite blog with imported articles, pages,
/// comments, redirects, an uploaded image and a signed-in admin moves to an empty PostgreSQL database; the
/// blog started on PostgreSQL then has all of it, keeps the admin signed in (the key ring came along), knows
/// a commenter by the same IP hash (the salt came along) and takes new rows (the id sequences moved on).</summary>
[Trait("Category", "Slow")]
[Trait("Database", "Own")] // chooses its own database and servers: the PostgreSQL pass would only repeat it
public sealed class CopyToPostgreSqlTests : IAsyncLifetime
{
    private readonly string _sqliteData = Path.Combine(Path.GetTempPath(), "clinicblog-tests", Guid.NewGuid().ToString("N"));
    private readonly string _postgresData = Path.Combine(Path.GetTempPath(), "clinicblog-tests", Guid.NewGuid().ToString("N"));

    private PostgresServer Server { get; set; } = null!;

    private sealed class Blog(string? postgres) : BlogFactory
    {
        protected override bool KeepsDataProtectionKeys => true;

        protected override IReadOnlyDictionary<string, string> Settings => postgres is null
            ? new Dictionary<string, string> { ["Blog:Database:Provider"] = "Sqlite" }
            : new Dictionary<string, string> { ["Blog:Database:Provider"] = "PostgreSql", ["ConnectionStrings:Blog"] = postgres };
    }

    public async Task InitializeAsync() => Server = await PostgresServer.StartAsync();

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        foreach (var directory in new[] { _sqliteData, _postgresData }.Where(Directory.Exists))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task A_sqlite_blog_moves_to_postgresql_whole_and_verified()
    {
        var jar = new CookieContainer();
        string ipHash, image;
        int posts, comments, redirects;
        await using (var sqlite = new Blog(null) { DataDirectory = _sqliteData, DeleteDataOnDispose = false })
        {
            using var admin = sqlite.CreateDefaultClient(BlogFactory.Https, new RedirectHandler(), new CookieContainerHandler(jar));
            var login = await admin.GetDocumentAsync("/account/login");
            await admin.SubmitExpectingSuccessAsync(login.Form("main form"), new Dictionary<string, string> { ["Email"] = BlogFactory.AdminEmail, ["Password"] = BlogFactory.AdminPassword });
            await admin.ImportAsync(WordPressExports.Fixture);
            using (var uploaded = await admin.UploadImageAsync(Images.SmallGif, "clinic-door.gif", "image/gif"))
            {
                Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
            }

            using var reader = sqlite.CreateBrowserlikeClient();
            reader.DefaultRequestHeaders.Add(RemoteAddressFromTestHeader.Header, "198.51.100.5");
            using (await reader.PostCommentAsync(TestContent.SeedSlug, "Moving Reader", "Written before the move."))
            {
            }

            ipHash = await sqlite.WithDbAsync(db => db.Comments.Where(c => c.AuthorName == "Moving Reader").Select(c => c.IpHash!).SingleAsync());
            image = await sqlite.WithDbAsync(db => db.MediaFiles.Where(m => m.OriginalName == "clinic-door.gif").Select(m => m.FileName).SingleAsync());
            (posts, comments, redirects) = await sqlite.WithDbAsync(async db => (await db.Posts.CountAsync(), await db.Comments.CountAsync(), await db.Redirects.CountAsync()));
        }

        var target = await Server.CreateDatabaseAsync();
        var (exit, output) = await AppProcess.RunCommandAsync(_sqliteData, "copy-to-postgresql", "--to", target, "--uploads-to", Path.Combine(_postgresData, "uploads"));
        Assert.True(exit == 0, output);
        Assert.Contains("tables match", output, StringComparison.Ordinal);
        Assert.Contains("IP-hash salt: copied", output, StringComparison.Ordinal);
        Assert.DoesNotContain("differs", output, StringComparison.Ordinal);

        await using var postgres = new Blog(target) { DataDirectory = _postgresData };
        Assert.Equal((posts, comments, redirects), await postgres.WithDbAsync(async db => (await db.Posts.CountAsync(), await db.Comments.CountAsync(), await db.Redirects.CountAsync())));

        // The admin's cookie from the SQLite blog opens the admin here: the key ring moved.
        using (var admin = postgres.CreateDefaultClient(BlogFactory.Https, new RedirectHandler(), new CookieContainerHandler(jar)))
        {
            using var dashboard = await admin.GetAsync("/admin/comments");
            Assert.Equal("/admin/comments", dashboard.RequestMessage!.RequestUri!.AbsolutePath);
            Assert.Contains("Written before the move.", await dashboard.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var visitor = postgres.CreateBrowserlikeClient();
        visitor.DefaultRequestHeaders.Add(RemoteAddressFromTestHeader.Header, "198.51.100.5");
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(TestContent.SeedUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/media/" + image)).StatusCode);
        Assert.Contains(TestContent.SeedTitle, (await visitor.GetDocumentAsync("/search?q=ketamine")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        // New rows take new ids, and the same client has the same hash.
        using (var sent = await visitor.PostCommentAsync(TestContent.SeedSlug, "Moving Reader", "Written after the move."))
        {
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        }

        Assert.Equal([ipHash, ipHash], await postgres.WithDbAsync(db => db.Comments.Where(c => c.AuthorName == "Moving Reader").Select(c => c.IpHash!).ToListAsync()));

        // A second copy into a database that now has content is refused and changes nothing.
        var (again, refusal) = await AppProcess.RunCommandAsync(_sqliteData, "copy-to-postgresql", "--to", target);
        Assert.Equal(1, again);
        Assert.Contains("already has posts", refusal, StringComparison.Ordinal);
        Assert.Equal(comments + 1, await postgres.WithDbAsync(db => db.Comments.CountAsync()));
    }
}
