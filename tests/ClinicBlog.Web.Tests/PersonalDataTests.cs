using System.Net;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using ClinicBlog.Core.Authors;
using ClinicBlog.Core.Comments;
using ClinicBlog.Core.Content;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ClinicBlog.Web.Tests;

/// <summary>Commenters' personal data: export, erase, redaction, retention, and the public notices.</summary>
public sealed class PersonalDataTests(PersonalDataTests.Factory factory) : IClassFixture<PersonalDataTests.Factory>
{
    public sealed class Factory : BlogFactory
    {
        public override FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task Export_downloads_exactly_the_comments_stored_with_that_email()
    {
        var mine = await AddCommentAsync("Export Person", "Export.Person@Example.org", "export-hash-1", "My first exported comment.", CommentStatus.Approved);
        var mine2 = await AddCommentAsync("E. Person", "export.person@example.org", "export-hash-1", "My second exported comment.", CommentStatus.Pending);
        await AddCommentAsync("Someone Else", "someone.else@example.org", "export-hash-2", "Not theirs.", CommentStatus.Approved);

        using var admin = await factory.SignedInAdminAsync();
        var found = await FindAsync(admin, "export.person@example.org");
        Assert.Equal("2", found.QuerySelector("[data-found]")!.GetAttribute("data-found"));

        using var download = await admin.SubmitAsync(found.Form("form[action='/admin/privacy/export']"));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/json", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.DoesNotContain("example.org", download.Content.Headers.ContentDisposition.FileName ?? string.Empty, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(await download.Content.ReadAsStringAsync());
        var comments = json.RootElement.GetProperty("comments").EnumerateArray().ToList();
        Assert.Equal([mine, mine2], comments.Select(c => c.GetProperty("id").GetInt32()).Order());
        var first = comments.Single(c => c.GetProperty("id").GetInt32() == mine);
        Assert.Equal("My first exported comment.", first.GetProperty("body").GetString());
        Assert.Equal(TestContent.SeedTitle, first.GetProperty("post").GetString());
        Assert.Equal("Approved", first.GetProperty("status").GetString());
        Assert.True(first.TryGetProperty("createdAt", out _));
    }

    [Fact]
    [Trait("Database", "SqliteOnly")]
    public async Task Anonymising_leaves_no_trace_of_the_email_or_ip_hash_in_the_database_file()
    {
        const string email = "erase.me@example.org";
        const string ipHash = "erase-me-ip-hash-4f1c9a";
        var shown = await AddCommentAsync("Erin Erase", "Erase.Me@example.org", ipHash, "A comment I want anonymised.", CommentStatus.Approved);
        await AddCommentAsync("Erin E", email, ipHash, "Another one, still pending.", CommentStatus.Pending);
        var other = await AddCommentAsync("Kept Person", "kept@example.org", "kept-ip-hash", "Someone else's comment.", CommentStatus.Approved);
        await factory.WithDbAsync(async db =>
        {
            db.CommenterBans.Add(new CommenterBan { Email = email, Reason = "test", CreatedAt = DateTime.UtcNow });
            db.CommenterBans.Add(new CommenterBan { IpHash = ipHash, Reason = "test", CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });

        using var admin = await factory.SignedInAdminAsync();
        var found = await FindAsync(admin, email);
        using var erased = await admin.SubmitAsync(found.Form("form[action='/admin/privacy/erase']"), new Dictionary<string, string> { ["Mode"] = "Anonymise" });
        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        var done = await Html.ParseAsync(erased);
        Assert.Contains("2 comment(s) anonymised", done.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);

        var values = ReadEveryValue();
        Assert.DoesNotContain(values, v => v.Contains(email, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(values, v => v.Contains(ipHash, StringComparison.Ordinal));
        Assert.Contains(values, v => v == "kept@example.org");
        var raw = RawDatabaseText();
        Assert.DoesNotContain(email, raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(ipHash, raw, StringComparison.Ordinal);

        var (name, kept) = await factory.WithDbAsync(async db =>
            (await db.Comments.Where(c => c.Id == shown).Select(c => c.AuthorName).SingleAsync(),
             await db.Comments.Where(c => c.Id == other).Select(c => c.AuthorEmail).SingleAsync()));
        Assert.Equal(CommenterPersonalData.AnonymousName, name);
        Assert.Equal("kept@example.org", kept);
        var post = await factory.CreateClient().GetDocumentAsync(TestContent.SeedUrl);
        Assert.Equal(CommenterPersonalData.AnonymousName, post.QuerySelector($"#comment-{shown} .comment-author")!.TextContent.Trim());
        var audit = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "commenter.erased").Select(a => a.Details).ToListAsync());
        Assert.Contains(audit, d => d!.Contains("anonymised 2 comment(s)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Deleting_removes_the_comments_of_that_email_only()
    {
        var gone = await AddCommentAsync("Del Person", "delete.me@example.org", null, "Delete this one.", CommentStatus.Approved);
        var stays = await AddCommentAsync("Stay Person", "stay@example.org", null, "Keep this one.", CommentStatus.Approved);

        using var admin = await factory.SignedInAdminAsync();
        var found = await FindAsync(admin, "delete.me@example.org");
        var form = found.Form("form[action='/admin/privacy/erase']");

        using var unchosen = await admin.SubmitAsync(form);
        Assert.Equal(HttpStatusCode.BadRequest, unchosen.StatusCode);
        Assert.Equal("Choose whether to anonymise or delete the comments.", (await Html.ParseAsync(unchosen)).FieldError("Mode"));

        using var deleted = await admin.SubmitAsync(form, new Dictionary<string, string> { ["Mode"] = "Delete" });
        Assert.Contains("1 comment(s) deleted", (await Html.ParseAsync(deleted)).QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        var ids = await factory.WithDbAsync(db => db.Comments.Where(c => c.Id == gone || c.Id == stays).Select(c => c.Id).ToListAsync());
        Assert.Equal([stays], ids);
    }

    [Fact]
    public async Task A_bad_email_is_refused_next_to_the_field_with_the_text_kept()
    {
        using var admin = await factory.SignedInAdminAsync();
        var page = await admin.GetDocumentAsync("/admin/privacy");
        using var response = await admin.SubmitAsync(page.Form("main form"), new Dictionary<string, string> { ["Email"] = "pat at example" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var refused = await Html.ParseAsync(response);
        Assert.Equal("Enter an email address such as name@example.org.", refused.FieldError("Email"));
        Assert.Equal("pat at example", refused.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Email")!.Value);

        await factory.CreateStaffAsync("privacy-author@clinic.test", "Staff-password-123", StaffRoles.Author, "Privacy Author");
        using var author = await factory.SignedInClientAsync("privacy-author@clinic.test", "Staff-password-123");
        using var forbidden = await author.GetAsync("/admin/privacy");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    [Trait("Database", "SqliteOnly")]
    public async Task A_redaction_changes_the_published_text_and_the_audit_log_does_not_keep_what_was_removed()
    {
        const string phone = "555-123-4567";
        const string text = "Please call me on " + phone + " about my dosage.";
        using var reader = factory.CreateBrowserlikeClient();
        using (await reader.PostCommentAsync(TestContent.SeedSlug, "Riley", text))
        {
        }

        var id = await factory.WithDbAsync(db => db.Comments.Where(c => c.Body == text).Select(c => c.Id).SingleAsync());
        using var admin = await factory.SignedInAdminAsync();
        var page = await admin.GetDocumentAsync($"/admin/comments/{id}/redact");
        Assert.Contains(text, page.QuerySelector("[data-comment-source]")!.TextContent, StringComparison.Ordinal);

        using var wrong = await admin.SubmitAsync(page.Form("main form.form"), new Dictionary<string, string> { ["Passage"] = "555 999 0000" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var refused = await Html.ParseAsync(wrong);
        Assert.Contains("does not contain those exact words", refused.FieldError("Passage"), StringComparison.Ordinal);
        Assert.Equal("555 999 0000", refused.QuerySelector("#Passage")!.TextContent);

        // The phone number is offered as a one-click removal.
        var suggestion = page.QuerySelectorAll(".redaction-suggestions form").Single();
        using var redacted = await admin.SubmitAsync((AngleSharp.Html.Dom.IHtmlFormElement)suggestion);
        Assert.Equal(HttpStatusCode.OK, redacted.StatusCode);
        var shown = await Html.ParseAsync(redacted);
        Assert.Contains("The passage is removed.", shown.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        using var approved = await admin.SubmitAsync(shown.Form(".moderation-form"), null, $"#queue-{id} button[value=approve]");

        var post = await factory.CreateClient().GetDocumentAsync(TestContent.SeedUrl);
        var published = post.QuerySelector($"#comment-{id} .comment-body")!.TextContent;
        Assert.Contains("Please call me on [removed by moderator] about my dosage.", published, StringComparison.Ordinal);
        Assert.DoesNotContain(phone, post.DocumentElement.OuterHtml, StringComparison.Ordinal);

        var audit = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityId == id.ToString()).ToListAsync());
        Assert.Contains(audit, a => a.Action == "comment.redacted");
        Assert.DoesNotContain(audit, a => (a.Details ?? string.Empty).Contains(phone, StringComparison.Ordinal));
        Assert.DoesNotContain(ReadEveryValue(), v => v.Contains(phone, StringComparison.Ordinal));
        Assert.DoesNotContain(phone, RawDatabaseText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retention_clears_ip_hashes_older_than_the_period_and_keeps_recent_ones()
    {
        var old = await AddCommentAsync("Old", null, "old-ip-hash", "Written long ago.", CommentStatus.Approved);
        factory.Clock.Advance(TimeSpan.FromDays(60));
        var recent = await AddCommentAsync("Recent", null, "recent-ip-hash", "Written lately.", CommentStatus.Approved);
        factory.Clock.Advance(TimeSpan.FromDays(31));

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CommenterPersonalData>().ApplyRetentionAsync(CancellationToken.None);
        }

        var hashes = await factory.WithDbAsync(db => db.Comments.Where(c => c.Id == old || c.Id == recent).ToDictionaryAsync(c => c.Id, c => c.IpHash));
        Assert.Null(hashes[old]);
        Assert.Equal("recent-ip-hash", hashes[recent]);
    }

    [Fact]
    public async Task The_privacy_notice_and_comment_policy_are_public_and_linked_from_the_comment_form_and_footer()
    {
        using var client = factory.CreateClient();
        var post = await client.GetDocumentAsync(TestContent.SeedUrl);
        Assert.NotNull(post.QuerySelector("#comment-form a[href='/privacy']"));
        Assert.NotNull(post.QuerySelector("#comment-form a[href='/comment-policy']"));
        Assert.NotNull(post.QuerySelector("footer a[href='/privacy']"));

        var privacy = await client.GetDocumentAsync("/privacy");
        Assert.Equal("Privacy notice", privacy.QuerySelector("h1")!.TextContent);
        Assert.Contains("cleared after 90 days", privacy.QuerySelector("main")!.TextContent.ReplaceLineEndings(" "), StringComparison.Ordinal);
        var policy = await client.GetDocumentAsync("/comment-policy");
        Assert.Contains("It is not about disagreement", policy.QuerySelector("main")!.TextContent.ReplaceLineEndings(" "), StringComparison.Ordinal);
    }

    private static async Task<IDocument> FindAsync(HttpClient admin, string email)
    {
        var page = await admin.GetDocumentAsync("/admin/privacy");
        using var response = await admin.SubmitAsync(page.Form("main form"), new Dictionary<string, string> { ["Email"] = email });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Html.ParseAsync(response);
    }

    private Task<int> AddCommentAsync(string name, string? email, string? ipHash, string body, CommentStatus status) =>
        factory.WithDbAsync(async db =>
        {
            var comment = new Comment
            {
                PostId = await db.Posts.Where(p => p.Slug == TestContent.SeedSlug).Select(p => p.Id).SingleAsync(),
                AuthorName = name,
                AuthorEmail = email,
                IpHash = ipHash,
                Body = body,
                BodyHtml = new MarkdownRenderer().RenderComment(body),
                Status = status,
                CreatedAt = factory.Clock.GetUtcNow().UtcDateTime,
            };
            db.Comments.Add(comment);
            await db.SaveChangesAsync();
            return comment.Id;
        });

    /// <summary>Every text value in every table of the database file, read with a connection of its own.</summary>
    private List<string> ReadEveryValue()
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(factory.DataDirectory, "blog.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var values = new List<string>();
        foreach (var table in tables)
        {
            using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    if (!reader.IsDBNull(i) && reader.GetValue(i) is string text)
                    {
                        values.Add(text);
                    }
                }
            }
        }

        return values;
    }

    /// <summary>The database file and its write-ahead log as bytes read as text: deleted or
    /// overwritten values must not linger in free space either.</summary>
    private string RawDatabaseText()
    {
        var text = new StringBuilder();
        foreach (var file in new[] { "blog.db", "blog.db-wal" })
        {
            var path = Path.Combine(factory.DataDirectory, file);
            if (File.Exists(path))
            {
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var reader = new StreamReader(stream, Encoding.Latin1);
                text.Append(reader.ReadToEnd());
            }
        }

        return text.ToString();
    }
}
