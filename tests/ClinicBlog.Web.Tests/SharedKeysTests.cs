using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace ClinicBlog.Web.Tests;

/// <summary>Two instances of the blog on one PostgreSQL database share its Data Protection key ring and its
/// IP-hash salt (both kept in the database): a sign-in cookie and an antiforgery token issued by one are
/// accepted by the other, and a client is the same hashed sender on both.</summary>
[Trait("Category", "Slow")]
[Trait("Database", "Own")] // chooses its own database and servers: the PostgreSQL pass would only repeat it
public sealed class SharedKeysTests : IAsyncLifetime
{
    private PostgresServer Server { get; set; } = null!;

    private Instance A { get; set; } = null!;

    private Instance B { get; set; } = null!;

    private sealed class Instance(string connectionString) : BlogFactory
    {
        protected override bool KeepsDataProtectionKeys => true;

        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
        {
            ["Blog:Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:Blog"] = connectionString,
        };
    }

    public async Task InitializeAsync()
    {
        Server = await PostgresServer.StartAsync();
        var database = await Server.CreateDatabaseAsync();
        A = new Instance(database);
        A.CreateClient().Dispose(); // the first instance migrates and seeds
        B = new Instance(database);
    }

    public async Task DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        await Server.DisposeAsync();
    }

    [Fact]
    public async Task A_sign_in_and_a_form_from_one_instance_work_on_the_other()
    {
        var jar = new CookieContainer();
        using var onA = A.CreateDefaultClient(BlogFactory.Https, new RedirectHandler(), new CookieContainerHandler(jar));
        using var onB = B.CreateDefaultClient(BlogFactory.Https, new RedirectHandler(), new CookieContainerHandler(jar));

        var login = await onA.GetDocumentAsync("/account/login");
        using (var signedIn = await onA.SubmitAsync(login.Form("main form"), new Dictionary<string, string>
        {
            ["Email"] = BlogFactory.AdminEmail,
            ["Password"] = BlogFactory.AdminPassword,
        }))
        {
            Assert.Equal("/admin", signedIn.RequestMessage!.RequestUri!.AbsolutePath);
        }

        // The cookie A issued opens the staff pages on B.
        using (var dashboard = await onB.GetAsync("/admin"))
        {
            Assert.Equal("/admin", dashboard.RequestMessage!.RequestUri!.AbsolutePath);
            Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        }

        // A form (and its antiforgery token) from A is accepted by B.
        var form = (await onA.GetDocumentAsync("/admin/redirects/new")).Form("form.form");
        using var saved = await onB.SubmitAsync(form, new Dictionary<string, string> { ["From"] = "/old-clinic-hours/", ["To"] = "/archive" });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains("/old-clinic-hours", (await onA.GetDocumentAsync("/admin/redirects")).QuerySelector("main table")!.TextContent, StringComparison.Ordinal);
        Assert.Single(await A.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.DataProtectionKeys)));
    }

    [Fact]
    public async Task A_client_commenting_on_either_instance_has_one_ip_hash()
    {
        foreach (var (instance, text) in new[] { (A, "First, through instance A."), (B, "Second, through instance B.") })
        {
            using var client = instance.CreateBrowserlikeClient();
            client.DefaultRequestHeaders.Add(RemoteAddressFromTestHeader.Header, "198.51.100.77");
            using var sent = await client.PostCommentAsync(TestContent.SeedSlug, "Same Reader", text);
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        }

        var hashes = await A.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            System.Linq.Queryable.Select(System.Linq.Queryable.Where(db.Comments, c => c.AuthorName == "Same Reader"), c => c.IpHash)));
        Assert.Equal(2, hashes.Count);
        Assert.NotNull(hashes[0]);
        Assert.Equal(hashes[0], hashes[1]);
    }
}
