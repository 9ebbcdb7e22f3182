using ClinicBlog.Core.Authors;
using ClinicBlog.Core.Comments;
using ClinicBlog.Core.Posts;
using Microsoft.EntityFrameworkCore;

namespace ClinicBlog.Web.Tests;

/// <summary>Urgent comments still reach moderators at once, but a flood of them cannot flood their
/// inboxes, and a banned sender never sets off an email.</summary>
public sealed class UrgentNotificationTests(UrgentNotificationTests.Factory factory) : IClassFixture<UrgentNotificationTests.Factory>
{
    private const string Password = "Staff-password-123";

    public sealed class Factory : MailingBlogFactory;

    [Fact]
    public async Task A_flood_of_urgent_comments_sends_each_moderator_one_message_at_once_and_one_more_saying_how_many()
    {
        const string editor = "flood-editor@clinic.test";
        await factory.CreateStaffAsync(editor, Password, StaffRoles.Editor, "Flood Editor");
        var slug = await factory.AddPostAsync("Flooded article", PostStatus.Published, factory.Clock.GetUtcNow().UtcDateTime.AddDays(-1));
        using var reader = factory.CreateBrowserlikeClient();

        using (await reader.PostCommentAsync(slug, "First", "I want to end my life, first message."))
        {
        }

        await factory.RunSenderAsync();
        var first = Assert.Single(factory.Mail.To(editor));
        Assert.Equal("[Clinic Blog] Urgent comment waiting on “Flooded article”", first.Subject);

        for (var i = 0; i < 9; i++)
        {
            factory.Clock.Advance(TimeSpan.FromSeconds(20));
            using var _ = await reader.PostCommentAsync(slug, $"Flood {i}", $"I want to end my life, message {i}.");
            await factory.RunSenderAsync();
        }

        Assert.Single(factory.Mail.To(editor));
        factory.Clock.Advance(TimeSpan.FromMinutes(5));
        await factory.RunSenderAsync();
        await factory.RunSenderAsync();

        var messages = factory.Mail.To(editor);
        Assert.Equal(2, messages.Count);
        var grouped = Assert.Single(messages, m => m.Subject == "[Clinic Blog] 9 urgent comments are waiting");
        var ids = await factory.WithDbAsync(db => db.Comments.Where(c => c.Post.Slug == slug && c.AuthorName.StartsWith("Flood")).Select(c => c.Id).ToListAsync());
        Assert.Equal(9, ids.Count);
        Assert.All(ids, id => Assert.Contains($"https://blog.clinic.test/admin/comments/{id}", grouped.Body, StringComparison.Ordinal));
        Assert.DoesNotContain("end my life", grouped.Body, StringComparison.Ordinal);
        Assert.Equal(2, factory.Mail.To(BlogFactory.AdminEmail).Count(m => m.Subject.Contains("rgent", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_banned_senders_urgent_comment_waits_first_in_the_queue_but_sends_no_email()
    {
        const string editor = "ban-editor@clinic.test";
        await factory.CreateStaffAsync(editor, Password, StaffRoles.Editor, "Ban Editor");
        var slug = await factory.AddPostAsync("Banned sender article", PostStatus.Published, factory.Clock.GetUtcNow().UtcDateTime.AddDays(-1));
        using var reader = factory.CreateBrowserlikeClient();
        using (await reader.PostCommentAsync(slug, "Troll", "Buy my pills now", email: "troll@example.org"))
        {
        }

        var firstId = await factory.WithDbAsync(db => db.Comments.Where(c => c.Post.Slug == slug).Select(c => c.Id).SingleAsync());
        using var admin = await factory.SignedInAdminAsync();
        var replyPage = await admin.GetDocumentAsync($"/admin/comments/{firstId}/reply");
        using (await admin.SubmitAsync(replyPage.Form($"form[action='/admin/comments/{firstId}/ban']"), new Dictionary<string, string> { ["Days"] = "30" }))
        {
        }

        factory.Clock.Advance(TimeSpan.FromMinutes(10));
        using (await reader.PostCommentAsync(slug, "Troll", "I will kill myself if you delete this", email: "troll@example.org"))
        {
        }

        var urgent = await factory.WithDbAsync(db => db.Comments.Where(c => c.Post.Slug == slug && c.Id != firstId).SingleAsync());
        await factory.RunSenderAsync();
        factory.Clock.Advance(TimeSpan.FromMinutes(40));
        await factory.RunSenderAsync();

        Assert.Equal((CommentStatus.Pending, true), (urgent.Status, urgent.IsUrgent));
        Assert.DoesNotContain(factory.Mail.Messages, m => m.Body.Contains($"/admin/comments/{urgent.Id}", StringComparison.Ordinal));
        var queue = await admin.GetDocumentAsync("/admin/comments");
        Assert.Equal(urgent.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), queue.QuerySelector("[data-comment-id]")!.GetAttribute("data-comment-id"));
    }
}
