using System.Net;
using AngleSharp.Dom;
using Microsoft.Data.Sqlite;

namespace ClinicBlog.Web.Tests;

/// <summary>While another writer holds the database (a long WordPress import holds SQLite's write lock
/// for its one transaction) past the busy timeout, a commenter's text is not lost and nobody gets a 500:
/// the form comes back with the text and a message (503), other writes get the friendly "busy" page.</summary>
[Trait("Database", "SqliteOnly")]
public sealed class BusyDatabaseTests(BusyDatabaseTests.ShortTimeoutBlog factory) : IClassFixture<BusyDatabaseTests.ShortTimeoutBlog>
{
    /// <summary>The blog with a one-second busy timeout, so the test does not wait the real 30 s.</summary>
    public sealed class ShortTimeoutBlog : BlogFactory
    {
        public string DatabaseFile => Path.Combine(DataDirectory, "blog.db");

        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
        {
            ["ConnectionStrings:Blog"] = new SqliteConnectionStringBuilder { DataSource = DatabaseFile, ForeignKeys = true, DefaultTimeout = 1 }.ToString(),
        };
    }

    [Fact]
    public async Task A_comment_sent_while_the_database_is_held_comes_back_in_the_form_and_goes_through_afterwards()
    {
        using var reader = factory.CreateBrowserlikeClient();
        const string body = "Sent while the clinic was importing its old site.";
        using (var holder = await HoldWriteLockAsync())
        {
            using var refused = await reader.PostCommentAsync(TestContent.SeedSlug, "Busy Reader", body);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            var page = await Html.ParseAsync(refused);
            Assert.Contains("busy", page.QuerySelector("#comment-form .form-errors")!.TextContent, StringComparison.Ordinal);
            Assert.Equal(body, page.QuerySelector("#comment-form textarea[name=Body]")!.TextContent.Trim());
            Assert.Equal("Busy Reader", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#comment-form input[name=Name]")!.Value);
        }

        using var accepted = await reader.PostCommentAsync(TestContent.SeedSlug, "Busy Reader", body);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Contains("comment=pending", accepted.RequestMessage!.RequestUri!.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_staff_save_while_the_database_is_held_is_a_friendly_503()
    {
        using var admin = await factory.SignedInAdminAsync();
        var form = (await admin.GetDocumentAsync("/admin/redirects/new")).Form("form.form");
        using var holder = await HoldWriteLockAsync();
        using var response = await admin.SubmitAsync(form, new Dictionary<string, string> { ["From"] = "/old-busy-page/", ["To"] = "/archive" });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("busy", (await Html.ParseAsync(response)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>Another connection holding SQLite's write lock, as an import's transaction does.</summary>
    private async Task<SqliteConnection> HoldWriteLockAsync()
    {
        var connection = new SqliteConnection($"Data Source={factory.DatabaseFile};Pooling=False");
        await connection.OpenAsync();
        await using var begin = connection.CreateCommand();
        begin.CommandText = "BEGIN IMMEDIATE";
        await begin.ExecuteNonQueryAsync();
        return connection;
    }
}
