using System.Net;
using ClinicBlog.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicBlog.Web.Tests;

/// <summary>With no SMTP server configured (the default) the blog works as before and staff
/// notifications are only listed in the admin.</summary>
public sealed class NotificationsWithoutSmtpTests(BlogFactory factory) : IClassFixture<BlogFactory>
{
    [Fact]
    public async Task An_urgent_comment_is_accepted_and_its_notification_is_listed_as_not_sent()
    {
        const string text = "Some nights I feel there is no reason to live.";
        using var reader = factory.CreateBrowserlikeClient();
        using var posted = await reader.PostCommentAsync(TestContent.SeedSlug, "Lee", text);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("awaiting moderation", (await Html.ParseAsync(posted)).QuerySelector("#comment-status")!.TextContent, StringComparison.Ordinal);

        Assert.Equal(0, await factory.Services.GetRequiredService<NotificationDispatcher>().RunOnceAsync(CancellationToken.None));

        var states = await factory.WithDbAsync(db => db.Notifications.Where(n => n.Kind == NotificationKind.UrgentComment).Select(n => n.State).ToListAsync());
        Assert.Equal([NotificationState.NotSent], states);
        using var admin = await factory.SignedInAdminAsync();
        var page = await admin.GetDocumentAsync("/admin/notifications");
        Assert.Equal("off", page.QuerySelector("[data-smtp]")!.GetAttribute("data-smtp"));
        var row = Assert.Single(page.QuerySelectorAll("[data-notification-id]"));
        Assert.Equal("NotSent", row.GetAttribute("data-state"));
        Assert.Contains(BlogFactory.AdminEmail, row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Not sent (no SMTP server)", row.TextContent, StringComparison.Ordinal);
    }
}
