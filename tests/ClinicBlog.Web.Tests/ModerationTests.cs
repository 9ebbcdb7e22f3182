using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using ClinicBlog.Core.Authors;
using ClinicBlog.Core.Comments;
using ClinicBlog.Core.Posts;
using Microsoft.EntityFrameworkCore;

namespace ClinicBlog.Web.Tests;

public sealed class ModerationTests(BlogFactory factory) : IClassFixture<BlogFactory>
{
    [Fact]
    public async Task Bulk_approve_approves_exactly_the_selected_comments_and_audits_each()
    {
        var slug = await factory.AddPostAsync("Bulk approve", PostStatus.Published, DateTime.UtcNow.AddDays(-1));
        var ids = await AddPendingAsync(slug, 6);
        var selected = new[] { ids[0], ids[2], ids[5] };
        using var admin = await factory.SignedInAdminAsync();

        var queue = await admin.GetDocumentAsync("/admin/comments?status=Pending");
        foreach (var id in selected)
        {
            ((AngleSharp.Html.Dom.IHtmlInputElement)queue.QuerySelector($"#select-{id}")!).IsChecked = true;
        }

        using var response = await admin.SubmitAsync(queue.Form(".moderation-form"), null, ".bulk-actions button[value=approve]");
        var page = await Html.ParseAsync(response);

        Assert.Equal("Approved. The comments now show on their posts.", page.QuerySelector("[role=status]")!.TextContent);
        var statuses = await factory.WithDbAsync(db => db.Comments.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Status));
        Assert.All(ids, id => Assert.Equal(selected.Contains(id) ? CommentStatus.Approved : CommentStatus.Pending, statuses[id]));
        var audited = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "comment.approve").Select(a => a.EntityId).ToListAsync());
        Assert.All(selected, id => Assert.Contains(id.ToString(CultureInfo.InvariantCulture), audited));
        var post = await admin.GetDocumentAsync($"/posts/{slug}");
        Assert.Equal(3, post.QuerySelectorAll(".comment").Length);
    }

    [Fact]
    public async Task Reject_and_spam_move_a_comment_between_tabs_and_delete_asks_first()
    {
        var slug = await factory.AddPostAsync("Tabs", PostStatus.Published, DateTime.UtcNow.AddDays(-1));
        var ids = await AddPendingAsync(slug, 3);
        using var admin = await factory.SignedInAdminAsync();

        var queue = await admin.GetDocumentAsync("/admin/comments");
        await admin.SubmitExpectingSuccessAsync(queue.Form(".moderation-form"), null, $"#queue-{ids[0]} button[value=reject]");
        queue = await admin.GetDocumentAsync("/admin/comments");
        await admin.SubmitExpectingSuccessAsync(queue.Form(".moderation-form"), null, $"#queue-{ids[1]} button[value=spam]");
        queue = await admin.GetDocumentAsync("/admin/comments");
        using var confirm = await admin.SubmitAsync(queue.Form(".moderation-form"), null, $"#queue-{ids[2]} button[value=delete]");
        var confirmPage = await Html.ParseAsync(confirm);

        Assert.Equal("/admin/comments/delete", confirm.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(CommentStatus.Pending, await StatusAsync(ids[2]));
        using var deleted = await admin.SubmitAsync(confirmPage.Form("form[action='/admin/comments/delete']"));
        Assert.Equal(CommentStatus.Rejected, await StatusAsync(ids[0]));
        Assert.Equal(CommentStatus.Spam, await StatusAsync(ids[1]));
        Assert.False(await factory.WithDbAsync(db => db.Comments.AnyAsync(c => c.Id == ids[2])));
        var rejected = await admin.GetDocumentAsync("/admin/comments?status=Rejected");
        Assert.NotNull(rejected.QuerySelector($"#queue-{ids[0]}"));
        Assert.Equal("page", rejected.QuerySelector("[data-tab=Rejected]")!.GetAttribute("aria-current"));
    }

    [Fact]
    public async Task Staff_reply_is_published_at_once_marked_as_from_the_clinic()
    {
        var slug = await factory.AddPostAsync("Staff replies", PostStatus.Published, DateTime.UtcNow.AddDays(-1));
        var ids = await AddPendingAsync(slug, 1);
        using var admin = await factory.SignedInAdminAsync();
        await admin.ApproveInModerationAsync(ids[0]);

        var replyPage = await admin.GetDocumentAsync($"/admin/comments/{ids[0]}/reply");
        using var empty = await admin.SubmitAsync(replyPage.Form("form:not([action])"), new Dictionary<string, string> { ["Body"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        using var sent = await admin.SubmitAsync(replyPage.Form("form:not([action])"), new Dictionary<string, string> { ["Canned"] = "0" });

        var post = await factory.CreateBrowserlikeClient().GetDocumentAsync($"/posts/{slug}");
        var reply = post.QuerySelector($"#comment-{ids[0]} + .comment-replies .comment-staff")!;
        Assert.Equal("Clinic Editorial Team", reply.QuerySelector(".comment-author")!.TextContent);
        Assert.Equal("From the clinic", reply.QuerySelector(".badge")!.TextContent);
        Assert.Contains("988", reply.QuerySelector(".comment-body")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_author_moderates_only_comments_on_their_own_posts()
    {
        var authorId = await factory.CreateStaffAsync("writer@clinic.test", "Writer-password-42", StaffRoles.Author, "Dr Writer");
        var own = await factory.AddPostByAsync(authorId, "The writer's own post", PostStatus.Published, DateTime.UtcNow.AddDays(-1));
        var others = await factory.AddPostAsync("Someone else's post", PostStatus.Published, DateTime.UtcNow.AddDays(-1));
        var ownIds = await AddPendingAsync(own, 1);
        var otherIds = await AddPendingAsync(others, 1);
        using var writer = await factory.SignedInClientAsync("writer@clinic.test", "Writer-password-42");

        var queue = await writer.GetDocumentAsync("/admin/comments");
        Assert.NotNull(queue.QuerySelector($"#queue-{ownIds[0]}"));
        Assert.Null(queue.QuerySelector($"#queue-{otherIds[0]}"));

        // Forge a request for the other post's comment with the page's own form and token.
        queue.QuerySelector($"#queue-{ownIds[0]} button[value=approve]")!.SetAttribute("formaction", $"/admin/comments/{otherIds[0]}/moderate");
        using var forged = await writer.SubmitAsync(queue.Form(".moderation-form"), null, $"#queue-{ownIds[0]} button[value=approve]");
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(CommentStatus.Pending, await StatusAsync(otherIds[0]));

        using var reply = await writer.GetAsync($"/admin/comments/{otherIds[0]}/reply");
        Assert.Equal(HttpStatusCode.NotFound, reply.StatusCode);
        using var bans = await writer.GetAsync("/admin/bans");
        Assert.Equal(HttpStatusCode.Forbidden, bans.StatusCode);

        queue = await writer.GetDocumentAsync("/admin/comments");
        await writer.SubmitExpectingSuccessAsync(queue.Form(".moderation-form"), null, $"#queue-{ownIds[0]} button[value=approve]");
        Assert.Equal(CommentStatus.Approved, await StatusAsync(ownIds[0]));
    }

    [Fact]
    public async Task The_queue_shows_email_reasons_and_a_privacy_flag_and_the_nav_counts_what_waits()
    {
        var slug = await factory.AddPostAsync("Queue details", PostStatus.Published, DateTime.UtcNow.AddDays(-1));
        using var reader = factory.CreateBrowserlikeClient();
        await reader.PostCommentAsync(slug, "Phone", "Call me on (555) 123-4567 about my dose", "phone@example.org");
        var id = await factory.WithDbAsync(db => db.Comments.Where(c => c.Post.Slug == slug).Select(c => c.Id).SingleAsync());
        using var admin = await factory.SignedInAdminAsync();

        var queue = await admin.GetDocumentAsync("/admin/comments");
        var row = queue.QuerySelector($"#queue-{id}")!;

        Assert.Contains("phone@example.org", row.QuerySelector(".queue-meta")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Queue details", row.QuerySelector(".queue-meta a")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(row.QuerySelector("[data-privacy-flag]"));
        var pending = await factory.WithDbAsync(db => db.Comments.CountAsync(c => c.Status == CommentStatus.Pending));
        Assert.Equal(pending.ToString(CultureInfo.InvariantCulture), queue.QuerySelector("[data-pending-count]")!.ChildNodes[0].TextContent);
    }

    [Fact]
    public async Task Moderation_posts_without_the_antiforgery_token_are_refused()
    {
        var slug = await factory.AddPostAsync("Antiforgery", PostStatus.Published, DateTime.UtcNow.AddDays(-1));
        var ids = await AddPendingAsync(slug, 1);
        using var admin = await factory.SignedInAdminAsync();

        using var response = await admin.PostAsync($"/admin/comments/{ids[0]}/moderate",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["action"] = "approve" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(CommentStatus.Pending, await StatusAsync(ids[0]));
    }

    private Task<CommentStatus> StatusAsync(int id) =>
        factory.WithDbAsync(db => db.Comments.Where(c => c.Id == id).Select(c => c.Status).SingleAsync());

    [Theory]
    [InlineData("99999999")]
    [InlineData("3651")]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("ten")]
    [InlineData("1.5")]
    public async Task A_ban_of_absurd_or_unreadable_length_is_refused_next_to_the_field_with_the_typed_value_kept(string days)
    {
        var slug = await factory.AddPostAsync("Ban length " + Guid.NewGuid().ToString("N")[..6], PostStatus.Published, DateTime.UtcNow.AddDays(-1));
        var id = (await AddPendingAsync(slug, 1))[0];
        using var admin = await factory.SignedInAdminAsync();
        var before = await factory.WithDbAsync(db => db.CommenterBans.CountAsync());

        var page = await admin.GetDocumentAsync($"/admin/comments/{id}/reply");
        using var response = await admin.SubmitAsync(page.Form($"form[action='/admin/comments/{id}/ban']"), new Dictionary<string, string>
        {
            ["Reason"] = "abusive",
            ["Days"] = days,
        });
        var again = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(CommenterBan.DaysMessage, again.QuerySelector("#ban-days-error")!.TextContent);
        Assert.Equal(days, again.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Days")!.Value);
        Assert.Equal("abusive", again.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Reason")!.Value);
        Assert.Equal(before, await factory.WithDbAsync(db => db.CommenterBans.CountAsync()));
        Assert.Equal(CommentStatus.Pending, await StatusAsync(id));
    }

    [Fact]
    public async Task An_author_cannot_set_a_ban_that_holds_on_every_post()
    {
        const string email = "banning.author@clinic.test";
        const string password = "Banning-author-password-42";
        var authorId = await factory.CreateStaffAsync(email, password, StaffRoles.Author, "Banning Author");
        var slug = await factory.AddPostByAsync(authorId, "Own post with a troll", PostStatus.Published, DateTime.UtcNow.AddDays(-1));
        var id = (await AddPendingAsync(slug, 1))[0];
        using var author = await factory.SignedInClientAsync(email, password);
        using var admin = await factory.SignedInAdminAsync();
        var before = await factory.WithDbAsync(db => db.CommenterBans.CountAsync());

        var page = await author.GetDocumentAsync($"/admin/comments/{id}/reply");
        var adminForm = (await admin.GetDocumentAsync($"/admin/comments/{id}/reply")).Form($"form[action='/admin/comments/{id}/ban']");
        // The author posts the ban form anyway, with a token of their own.
        var token = page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        using var forged = await author.PostAsync($"/admin/comments/{id}/ban", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Days"] = "30",
        }));

        Assert.NotNull(page.QuerySelector("textarea#Body[name=Body]"));
        Assert.Null(page.QuerySelector($"form[action='/admin/comments/{id}/ban']"));
        Assert.NotNull(adminForm);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(before, await factory.WithDbAsync(db => db.CommenterBans.CountAsync()));
        Assert.Equal(CommentStatus.Pending, await StatusAsync(id));
    }

    private Task<List<int>> AddPendingAsync(string slug, int count) =>
        factory.WithDbAsync(async db =>
        {
            var postId = await db.Posts.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync();
            var comments = Enumerable.Range(1, count).Select(i => new Comment
            {
                PostId = postId,
                AuthorName = $"Reader {i}",
                AuthorEmail = $"reader{i}@example.org",
                Body = $"Comment number {i}",
                BodyHtml = $"<p>Comment number {i}</p>",
                Status = CommentStatus.Pending,
                CreatedAt = DateTime.UtcNow.AddMinutes(-i),
            }).ToList();
            db.Comments.AddRange(comments);
            await db.SaveChangesAsync();
            return comments.Select(c => c.Id).ToList();
        });
}

public sealed class CommentRateLimitTests(CommentRateLimitTests.Factory factory) : IClassFixture<CommentRateLimitTests.Factory>
{
    public sealed class Factory : BlogFactory
    {
        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
        {
            ["Blog:Comments:RateLimitPermits"] = "3",
            ["Blog:Comments:RateLimitWindowSeconds"] = "3600",
        };
    }

    [Fact]
    public async Task Posting_too_often_gets_a_friendly_429()
    {
        var slug = await factory.AddPostAsync("Rate limited", PostStatus.Published, DateTime.UtcNow.AddDays(-1));
        using var client = factory.CreateBrowserlikeClient(followRedirects: false);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await client.PostAsync($"/posts/{slug}/comments", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Name"] = "Eager",
                ["Body"] = $"Comment {i}",
            }));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var page = await Html.ParseAsync(response);
                Assert.Contains("wait a minute", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
            }
        }

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(3, await factory.WithDbAsync(db => db.Comments.CountAsync(c => c.Post.Slug == slug)));
    }
}
