using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using ClinicBlog.Core.Authors;
using ClinicBlog.Core.Comments;
using ClinicBlog.Core.Notifications;
using ClinicBlog.Core.Posts;
using Microsoft.EntityFrameworkCore;

namespace ClinicBlog.Web.Tests;

/// <summary>Staff notifications end to end: comments through the public form, the outbox, the
/// background sender's round, and a real SMTP server in the test process.</summary>
public sealed partial class NotificationTests(NotificationTests.Factory factory) : IClassFixture<NotificationTests.Factory>
{
    private const string Password = "Staff-password-123";
    private const string CrisisText = "Honestly I want to end my life, nothing helps anymore.";

    public sealed class Factory : MailingBlogFactory
    {
        protected override IReadOnlyDictionary<string, string> MoreSettings => new Dictionary<string, string>
        {
            ["Blog:Notifications:DigestMinutes"] = "30",
            // Each test sends its own urgent comment and expects word of it in the next round; the
            // grouping of urgent messages has its own tests (UrgentNotificationTests).
            ["Blog:Notifications:UrgentIntervalMinutes"] = "0",
        };
    }

    [Fact]
    public async Task An_urgent_comment_reaches_its_moderators_at_once_with_a_link_to_it_and_nothing_of_what_was_written()
    {
        var (authorEmail, authorId) = await StaffAsync("urgent-author", StaffRoles.Author);
        var (editorEmail, _) = await StaffAsync("urgent-editor", StaffRoles.Editor);
        var (bystanderEmail, _) = await StaffAsync("urgent-bystander", StaffRoles.Author);
        var slug = await factory.AddPostByAsync(authorId, "Urgent routing article", PostStatus.Published, factory.Clock.GetUtcNow().UtcDateTime.AddDays(-1));

        using var reader = factory.CreateBrowserlikeClient();
        using var posted = await reader.PostCommentAsync(slug, "Sam Reader", CrisisText, email: "sam.reader@example.org");
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var commentId = await CommentIdAsync(CrisisText);

        await factory.RunSenderAsync();

        foreach (var moderator in new[] { BlogFactory.AdminEmail, editorEmail, authorEmail })
        {
            var message = Assert.Single(factory.Mail.To(moderator), m => m.Body.Contains($"/admin/comments/{commentId}", StringComparison.Ordinal));
            Assert.Contains("Urgent", message.Subject, StringComparison.Ordinal);
            Assert.Contains("Urgent routing article", message.Subject, StringComparison.Ordinal);
            Assert.DoesNotContain("end my life", message.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("Sam Reader", message.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("sam.reader@example.org", message.Body, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(factory.Mail.To(bystanderEmail), m => m.Body.Contains($"/admin/comments/{commentId}", StringComparison.Ordinal));

        // The link opens that comment in the queue for a signed-in moderator.
        var link = new Uri(LinkTo(factory.Mail.To(editorEmail)[^1].Body, commentId));
        Assert.Equal("blog.clinic.test", link.Host);
        using var editor = await factory.SignedInClientAsync(editorEmail, Password);
        var page = await editor.GetDocumentAsync(link.PathAndQuery);
        Assert.NotNull(page.QuerySelector("[data-single-comment]"));
        var row = Assert.Single(page.QuerySelectorAll("[data-comment-id]"));
        Assert.Equal(commentId.ToString(System.Globalization.CultureInfo.InvariantCulture), row.GetAttribute("data-comment-id"));
        Assert.Contains("end my life", row.TextContent, StringComparison.Ordinal);

        // Another round sends nothing more about it.
        var before = factory.Mail.Messages.Count;
        await factory.RunSenderAsync();
        Assert.Equal(before, factory.Mail.Messages.Count);
    }

    [Fact]
    public async Task Ordinary_held_comments_go_out_together_in_one_digest_once_the_oldest_has_waited()
    {
        var (editorEmail, _) = await StaffAsync("digest-editor", StaffRoles.Editor);
        var slug = await factory.AddPostAsync("Digest article", PostStatus.Published, factory.Clock.GetUtcNow().UtcDateTime.AddDays(-1));
        using var reader = factory.CreateBrowserlikeClient();
        var bodies = new[] { "Thank you, this was clear.", "Could you write about sleep next?", "Very helpful for my family." };
        foreach (var body in bodies)
        {
            using var _ = await reader.PostCommentAsync(slug, "Reader", body);
        }

        var ids = new List<int>();
        foreach (var body in bodies)
        {
            ids.Add(await CommentIdAsync(body));
        }

        await factory.RunSenderAsync();
        Assert.DoesNotContain(factory.Mail.To(editorEmail), m => ids.Any(id => m.Body.Contains($"/admin/comments/{id}", StringComparison.Ordinal)));

        factory.Clock.Advance(TimeSpan.FromMinutes(31));
        await factory.RunSenderAsync();
        await factory.RunSenderAsync();

        var digest = Assert.Single(factory.Mail.To(editorEmail), m => ids.Any(id => m.Body.Contains($"/admin/comments/{id}", StringComparison.Ordinal)));
        Assert.All(ids, id => Assert.Contains($"https://blog.clinic.test/admin/comments/{id}", digest.Body, StringComparison.Ordinal));
        Assert.Contains("waiting for moderation", digest.Subject, StringComparison.Ordinal);
        Assert.All(bodies, body => Assert.DoesNotContain(body, digest.Body, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_long_queue_goes_out_as_one_digest_that_lists_the_fifty_oldest_and_counts_the_rest()
    {
        var (authorEmail, authorId) = await StaffAsync("queue-author", StaffRoles.Author);
        var published = factory.Clock.GetUtcNow().UtcDateTime.AddDays(-1);
        string[] titles = ["Long queue article", "Second queue article"];
        var slugs = new List<string>();
        foreach (var title in titles)
        {
            slugs.Add(await factory.AddPostByAsync(authorId, title, PostStatus.Published, published));
        }

        var arrived = factory.Clock.GetUtcNow().UtcDateTime.AddHours(-2);
        var queued = await factory.WithDbAsync(async db =>
        {
            var postIds = await db.Posts.Where(p => slugs.Contains(p.Slug)).OrderBy(p => p.Title).Select(p => p.Id).ToListAsync();
            // Written newest first, so the oldest are not simply the lowest ids; the two posts take turns.
            var comments = Enumerable.Range(0, 60).Reverse().Select(i => new Comment
            {
                PostId = postIds[i % 2],
                AuthorName = "Queued reader",
                Body = $"Queued remark {i}",
                BodyHtml = $"<p>Queued remark {i}</p>",
                Status = CommentStatus.Pending,
                CreatedAt = arrived.AddMinutes(i),
                UpdatedAt = arrived.AddMinutes(i),
            }).ToList();
            db.Comments.AddRange(comments);
            await db.SaveChangesAsync();
            return comments.OrderBy(c => c.CreatedAt).Select(c => (c.Id, Title: titles[(c.CreatedAt - arrived).Minutes % 2], c.CreatedAt)).ToList();
        });
        var ids = queued.Select(c => c.Id).ToList();

        await factory.RunSenderAsync();

        var digest = Assert.Single(factory.Mail.To(authorEmail));
        Assert.Contains("60 comments are waiting for moderation", digest.Subject, StringComparison.Ordinal);
        // Each listed line names its own comment's article and time.
        Assert.All(queued.Take(50), c => Assert.Contains(
            $"- On “{c.Title}”, {c.CreatedAt:yyyy-MM-dd HH:mm} UTC: https://blog.clinic.test/admin/comments/{c.Id}\n", digest.Body, StringComparison.Ordinal));
        Assert.All(ids.Skip(50), id => Assert.DoesNotContain($"/admin/comments/{id}\n", digest.Body, StringComparison.Ordinal));
        Assert.Equal(50, Regex.Count(digest.Body, "- On “"));
        Assert.Contains("- and 10 more", digest.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Queued remark", digest.Body, StringComparison.Ordinal);

        // All sixty were considered: the next round tells of none of them again.
        await factory.RunSenderAsync();
        Assert.Single(factory.Mail.To(authorEmail));
        Assert.Equal(60, await factory.WithDbAsync(db => db.Comments.CountAsync(c => ids.Contains(c.Id) && c.HeldNotifiedAt != null)));
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task A_queue_longer_than_one_statement_can_name_is_still_told_of_once()
    {
        // More held comments than SQLite takes parameters in one statement (32,766): after an import, say.
        const int count = 33_000;
        var (authorEmail, authorId) = await StaffAsync("flood-author", StaffRoles.Author);
        var slug = await factory.AddPostByAsync(authorId, "Flooded article", PostStatus.Published, factory.Clock.GetUtcNow().UtcDateTime.AddDays(-1));
        var arrived = factory.Clock.GetUtcNow().UtcDateTime.AddHours(-2);
        await factory.WithDbAsync(async db =>
        {
            var postId = await db.Posts.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.Comments.AddRange(Enumerable.Range(0, count).Select(i => new Comment
            {
                PostId = postId,
                AuthorName = "Imported reader",
                Body = "Imported remark",
                BodyHtml = "<p>Imported remark</p>",
                Status = CommentStatus.Pending,
                CreatedAt = arrived,
                UpdatedAt = arrived,
            }));
            await db.SaveChangesAsync();
        });

        await factory.RunSenderAsync();

        var digest = Assert.Single(factory.Mail.To(authorEmail));
        Assert.Contains($"{count} comments are waiting for moderation", digest.Subject, StringComparison.Ordinal);
        Assert.Contains($"- and {count - 50} more", digest.Body, StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Comments.CountAsync(c => c.Post.Slug == slug && c.HeldNotifiedAt == null)));
        await factory.RunSenderAsync();
        Assert.Single(factory.Mail.To(authorEmail));
    }

    [Fact]
    public async Task A_staff_member_who_switched_urgent_messages_off_gets_none()
    {
        var (quietEmail, _) = await StaffAsync("quiet-editor", StaffRoles.Editor);
        using (var quiet = await factory.SignedInClientAsync(quietEmail, Password))
        {
            var settings = await quiet.GetDocumentAsync("/account/notifications");
            using var saved = await quiet.SubmitAsync(settings.Form("main form"), new Dictionary<string, string> { ["UrgentComments"] = "false" });
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
            var after = await Html.ParseAsync(saved);
            Assert.Contains("saved", after.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
            Assert.False(after.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#UrgentComments")!.IsChecked);
            Assert.True(after.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#HeldComments")!.IsChecked);
        }

        using var reader = factory.CreateBrowserlikeClient();
        const string text = "I keep thinking about suicide lately.";
        using var _ = await reader.PostCommentAsync(TestContent.SeedSlug, "Alex", text);
        var id = await CommentIdAsync(text);
        await factory.RunSenderAsync();

        Assert.Contains(factory.Mail.To(BlogFactory.AdminEmail), m => m.Body.Contains($"/admin/comments/{id}", StringComparison.Ordinal));
        Assert.DoesNotContain(factory.Mail.To(quietEmail), m => m.Body.Contains($"/admin/comments/{id}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task While_the_SMTP_server_is_down_messages_wait_in_the_outbox_and_go_out_exactly_once_when_it_is_back()
    {
        const string text = "Some days I want to die, is this treatment for me?";
        factory.Mail.Stop();
        try
        {
            using var reader = factory.CreateBrowserlikeClient();
            using var posted = await reader.PostCommentAsync(TestContent.SeedSlug, "Jo", text);
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
            var id = await CommentIdAsync(text);

            await factory.RunSenderAsync();
            factory.Clock.Advance(TimeSpan.FromMinutes(2));
            await factory.RunSenderAsync();

            var waiting = await factory.WithDbAsync(db => db.Notifications.AsNoTracking()
                .Where(n => n.Kind == NotificationKind.UrgentComment && n.Body.Contains($"/admin/comments/{id}")).ToListAsync());
            Assert.NotEmpty(waiting);
            Assert.All(waiting, n => Assert.Equal(NotificationState.Queued, n.State));
            Assert.Contains(waiting, n => n.Attempts >= 1 && n.LastError is not null);

            factory.Mail.Start();
            for (var round = 0; round < 4; round++)
            {
                factory.Clock.Advance(TimeSpan.FromMinutes(10));
                await factory.RunSenderAsync();
            }

            var sent = await factory.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => waiting.Select(w => w.Id).Contains(n.Id)).ToListAsync());
            Assert.All(sent, n => Assert.Equal(NotificationState.Sent, n.State));
            foreach (var n in sent)
            {
                Assert.Single(factory.Mail.To(n.RecipientEmail), m => m.Body.Contains($"/admin/comments/{id}", StringComparison.Ordinal));
            }
        }
        finally
        {
            factory.Mail.Start();
        }
    }

    [Fact]
    public async Task A_message_queued_before_a_restart_goes_out_after_it()
    {
        const string text = "I took an overdose last year and am scared it will happen again.";
        var data = Path.Combine(Path.GetTempPath(), "clinicblog-tests", Guid.NewGuid().ToString("N"));
        using var mail = new MailCatcher();
        mail.Stop();
        await using (var before = new Factory { Mail = mail, DataDirectory = data, DeleteDataOnDispose = false })
        {
            using var reader = before.CreateBrowserlikeClient();
            using var posted = await reader.PostCommentAsync(TestContent.SeedSlug, "Kim", text);
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
            await before.RunSenderAsync();
            Assert.Equal(1, await before.WithDbAsync(db => db.Notifications.CountAsync(n => n.State == NotificationState.Queued && n.Attempts == 1)));
        }

        mail.Start();
        await using var after = new Factory { Mail = mail, DataDirectory = data };
        after.Clock.Advance(TimeSpan.FromMinutes(5));
        await after.RunSenderAsync();
        await after.RunSenderAsync();
        var message = Assert.Single(mail.To(BlogFactory.AdminEmail));
        Assert.Contains("Urgent", message.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_approval_tells_the_posts_author_but_not_when_the_author_approved_it_themselves()
    {
        var (authorEmail, authorId) = await StaffAsync("approved-author", StaffRoles.Author);
        var slug = await factory.AddPostByAsync(authorId, "Approval article", PostStatus.Published, factory.Clock.GetUtcNow().UtcDateTime.AddDays(-1));
        using var reader = factory.CreateBrowserlikeClient();
        using (await reader.PostCommentAsync(slug, "Reader One", "First thoughtful remark."))
        using (await reader.PostCommentAsync(slug, "Reader Two", "Second thoughtful remark."))
        {
        }

        var own = await CommentIdAsync("First thoughtful remark.");
        var others = await CommentIdAsync("Second thoughtful remark.");

        using (var author = await factory.SignedInClientAsync(authorEmail, Password))
        {
            await ApproveAsync(author, own);
        }

        using (var admin = await factory.SignedInAdminAsync())
        {
            await ApproveAsync(admin, others);
        }

        await factory.RunSenderAsync();
        var toAuthor = factory.Mail.To(authorEmail).Where(m => m.Subject.Contains("approved", StringComparison.Ordinal)).ToList();
        var message = Assert.Single(toAuthor);
        Assert.Contains($"/admin/comments/{others}", message.Body, StringComparison.Ordinal);
        Assert.DoesNotContain($"/admin/comments/{own}", message.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(factory.Mail.To(BlogFactory.AdminEmail), m => m.Subject.Contains("approved", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_admin_sees_recent_notifications_and_can_send_a_test_message()
    {
        using var admin = await factory.SignedInAdminAsync();
        var page = await admin.GetDocumentAsync("/admin/notifications");
        Assert.Equal("on", page.QuerySelector("[data-smtp]")!.GetAttribute("data-smtp"));

        using var invalid = await admin.SubmitAsync(page.Form("main form"), new Dictionary<string, string> { ["Email"] = "not an address" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var refused = await Html.ParseAsync(invalid);
        Assert.Equal("Enter an email address such as name@example.org.", refused.FieldError("Email"));
        Assert.Equal("not an address", refused.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Email")!.Value);

        using var queued = await admin.SubmitAsync(page.Form("main form"), new Dictionary<string, string> { ["Email"] = "it-desk@clinic.test" });
        Assert.Equal(HttpStatusCode.OK, queued.StatusCode);
        await factory.RunSenderAsync();
        var test = Assert.Single(factory.Mail.To("it-desk@clinic.test"));
        Assert.StartsWith("[Clinic Blog] Test message", test.Subject, StringComparison.Ordinal);

        var list = await admin.GetDocumentAsync("/admin/notifications");
        var row = list.QuerySelectorAll("[data-notification-id]").First(r => r.TextContent.Contains("it-desk@clinic.test", StringComparison.Ordinal));
        Assert.Equal("Sent", row.GetAttribute("data-state"));

        var (authorEmail, _) = await StaffAsync("curious-author", StaffRoles.Author);
        using var author = await factory.SignedInClientAsync(authorEmail, Password);
        using var forbidden = await author.GetAsync("/admin/notifications");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    private async Task<(string Email, int AuthorId)> StaffAsync(string name, string role)
    {
        var email = $"{name}@clinic.test";
        return (email, await factory.CreateStaffAsync(email, Password, role, name.Replace('-', ' ')));
    }

    private Task<int> CommentIdAsync(string body) =>
        factory.WithDbAsync(db => db.Comments.Where(c => c.Body == body).Select(c => c.Id).SingleAsync());

    private static async Task ApproveAsync(HttpClient client, int commentId)
    {
        var page = await client.GetDocumentAsync($"/admin/comments/{commentId}");
        using var response = await client.SubmitAsync(page.Form(".moderation-form"), null, $"#queue-{commentId} button[value=approve]");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static string LinkTo(string body, int commentId) =>
        CommentLink().Matches(body).Select(m => m.Value).First(l => l.EndsWith($"/admin/comments/{commentId}", StringComparison.Ordinal));

    [GeneratedRegex(@"https?://\S+/admin/comments/\d+")]
    private static partial Regex CommentLink();
}
