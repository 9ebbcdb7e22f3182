using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ClinicBlog.Core.Comments;
using ClinicBlog.Core.Posts;
using Microsoft.EntityFrameworkCore;

namespace ClinicBlog.Web.Tests;

public sealed class CommentFormTests(CommentFormTests.Factory factory) : IClassFixture<CommentFormTests.Factory>
{
    public sealed class Factory : BlogFactory
    {
        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
        {
            ["Blog:Comments:BlockedWords:0"] = "casino",
            ["Blog:Comments:BlockedWords:1"] = "pills.example",
            ["Blog:Comments:CloseAfterDays"] = "365",
        };
    }

    [Fact]
    public async Task A_valid_comment_waits_for_moderation_then_appears_once_approved()
    {
        var slug = await NewPostAsync("Comment lifecycle");
        using var client = factory.CreateBrowserlikeClient(followRedirects: false);

        using var response = await client.PostCommentAsync(slug, "Maria", "Thank you, this *helped* me understand.", "maria@example.org");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/posts/{slug}?comment=pending#comment-status", response.Headers.Location!.OriginalString);
        Assert.False(response.Headers.Contains("Set-Cookie"), "the thanks must not ride on a cookie");
        var thanks = await client.GetDocumentAsync(response.Headers.Location.OriginalString);
        Assert.Equal("Thanks, your comment is awaiting moderation. It will appear here once a moderator has approved it.", thanks.QuerySelector("#comment-status")!.TextContent);
        Assert.DoesNotContain("helped", thanks.QuerySelector(".comments .comment-list")?.TextContent ?? string.Empty, StringComparison.Ordinal);

        var stored = await factory.WithDbAsync(db => db.Comments.SingleAsync(c => c.Post.Slug == slug));
        Assert.Equal(CommentStatus.Pending, stored.Status);
        Assert.Equal("maria@example.org", stored.AuthorEmail);
        // (The in-process test server has no client IP; the browser test checks the IP hash on real Kestrel.)

        using var admin = await factory.SignedInAdminAsync();
        var queue = await admin.GetDocumentAsync("/admin/comments");
        using var approved = await admin.SubmitAsync(queue.Form(".moderation-form"), new Dictionary<string, string>(), $"#queue-{stored.Id} button[value=approve]");
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);

        var page = await client.GetDocumentAsync($"/posts/{slug}");
        var comment = Assert.Single(page.QuerySelectorAll(".comment"));
        Assert.Equal("Maria", comment.QuerySelector(".comment-author")!.TextContent);
        Assert.Equal("helped", comment.QuerySelector(".comment-body em")!.TextContent);
        Assert.DoesNotContain("maria@example.org", await client.GetStringAsync($"/posts/{slug}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refreshing_after_posting_does_not_post_twice()
    {
        var slug = await NewPostAsync("Refresh after post");
        using var client = factory.CreateBrowserlikeClient(followRedirects: false);

        // Post/Redirect/Get: the POST answers with a redirect, so the page a refresh repeats is a GET. Had the POST
        // answered with the page itself, a refresh would send the form again (and this test would post twice).
        using var response = await client.PostCommentAsync(slug, "Refresh", "Posted once, refreshed twice.");
        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.Found, HttpStatusCode.SeeOther });
        var landing = response.Headers.Location!;
        for (var refresh = 0; refresh < 2; refresh++)
        {
            using var page = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, landing));
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        Assert.Equal(1, await CountAsync(slug));
    }

    public static TheoryData<string, string, string?, string, string> InvalidInputs => new()
    {
        { "", "A body", null, "Name", "Enter your name (a first name or a nickname is fine)." },
        { "   ", "A body", null, "Name", "Enter your name (a first name or a nickname is fine)." },
        { new string('n', 81), "A body", null, "Name", "Your name can be at most 80 characters; it is 81." },
        { "Ann", "", null, "Body", "Write your comment." },
        { "Ann", new string('b', 5001), null, "Body", "Your comment can be at most 5,000 characters; it is 5,001. Please shorten it." },
        { "Ann", "A body", "not-an-email", "Email", "Enter an email address such as name@example.org, or leave it empty." },
        { "Ann", "A body", "a@b", "Email", "Enter an email address such as name@example.org, or leave it empty." },
        { "Ann", "A body", "x@example.org\"<script>", "Email", "Enter an email address such as name@example.org, or leave it empty." },
    };

    [Theory]
    [MemberData(nameof(InvalidInputs))]
    public async Task Invalid_input_is_refused_next_to_its_field_with_everything_typed_kept(
        string name, string body, string? email, string field, string message)
    {
        var slug = await NewPostAsync("Invalid input " + Guid.NewGuid().ToString("N")[..8]);
        using var client = factory.CreateBrowserlikeClient();

        using var response = await client.PostCommentAsync(slug, name, body, email);
        var page = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, page.FieldError(field));
        Assert.Equal(name, page.QuerySelector<IHtmlInputElement>("#comment-name")!.Value);
        Assert.Equal(body, page.QuerySelector<IHtmlTextAreaElement>("#comment-body")!.Value);
        Assert.Equal(email ?? string.Empty, page.QuerySelector<IHtmlInputElement>("#comment-email")!.Value);
        Assert.Equal("true", page.QuerySelector($"[aria-describedby*=comment-{field.ToLowerInvariant()}-error]")!.GetAttribute("aria-invalid"));
        Assert.Equal(0, await CountAsync(slug));
    }

    [Fact]
    public async Task A_reply_to_a_comment_of_another_post_or_to_a_reply_is_refused()
    {
        var slug = await NewPostAsync("Reply rules");
        var other = await NewPostAsync("Another post");
        var (parentId, replyId) = await factory.WithDbAsync(async db =>
        {
            var post = await db.Posts.SingleAsync(p => p.Slug == slug);
            var parent = Approved(post.Id, "Parent", null);
            db.Comments.Add(parent);
            await db.SaveChangesAsync();
            var reply = Approved(post.Id, "Child", parent.Id);
            db.Comments.Add(reply);
            await db.SaveChangesAsync();
            return (parent.Id, reply.Id);
        });
        using var client = factory.CreateBrowserlikeClient();

        foreach (var (targetSlug, parent) in new[] { (other, parentId), (slug, replyId), (slug, 999_999) })
        {
            using var response = await client.PostAsync($"/posts/{targetSlug}/comments", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Name"] = "Replier",
                ["Body"] = "My reply text",
                ["ParentId"] = parent.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }));
            var page = await Html.ParseAsync(response);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("You can only reply to a published comment on this article", page.QuerySelector("#comment-form .form-errors")!.TextContent, StringComparison.Ordinal);
            Assert.Equal("My reply text", page.QuerySelector<IHtmlTextAreaElement>("#comment-body")!.Value);
        }

        Assert.Equal(2, await CountAsync(slug));
        Assert.Equal(0, await CountAsync(other));
    }

    [Fact]
    public async Task A_reply_goes_through_the_reply_link_and_shows_under_its_parent_once_approved()
    {
        var slug = await NewPostAsync("Threaded replies");
        var parentId = await factory.WithDbAsync(async db =>
        {
            var parent = Approved(await db.Posts.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync(), "First reader", null);
            db.Comments.Add(parent);
            await db.SaveChangesAsync();
            return parent.Id;
        });
        using var client = factory.CreateBrowserlikeClient();
        var post = await client.GetDocumentAsync($"/posts/{slug}");
        var replyHref = post.QuerySelector($"#comment-{parentId} a.reply-link")!.GetAttribute("href")!;
        var replyPage = await client.GetDocumentAsync(replyHref);
        Assert.Equal("Reply to First reader", replyPage.QuerySelector("#comment-form-heading")!.TextContent);

        using var response = await client.SubmitAsync(replyPage.Form("#comment-form form"), new Dictionary<string, string>
        {
            ["Name"] = "Second reader",
            ["Body"] = "I agree with you.",
        });
        await ApproveAsync(c => c.AuthorName == "Second reader");
        var page = await client.GetDocumentAsync($"/posts/{slug}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(parentId, await factory.WithDbAsync(db => db.Comments.Where(c => c.AuthorName == "Second reader").Select(c => c.ParentId).SingleAsync()));
        Assert.Equal("Second reader", page.QuerySelector($"#comment-{parentId} + .comment-replies .comment-author")!.TextContent);
        Assert.Null(page.QuerySelector(".comment-replies a.reply-link"));
    }

    [Fact]
    public async Task Comments_closed_on_the_post_are_refused_and_the_form_is_gone()
    {
        var slug = await NewPostAsync("Closed for comments");
        await factory.WithDbAsync(db => db.Posts.Where(p => p.Slug == slug).ExecuteUpdateAsync(s => s.SetProperty(p => p.CommentsOpen, false)));
        using var client = factory.CreateBrowserlikeClient();

        var page = await client.GetDocumentAsync($"/posts/{slug}");
        using var response = await client.PostAsync($"/posts/{slug}/comments", Form("Ann", "Still trying"));
        var refused = await Html.ParseAsync(response);

        Assert.Null(page.QuerySelector("#comment-form"));
        Assert.Contains("Comments are closed for this article.", page.QuerySelector(".comments")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Comments are closed", refused.QuerySelector(".comments")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(slug));
    }

    [Fact]
    public async Task Comments_close_by_themselves_after_the_configured_number_of_days()
    {
        // The seeded post is from 2024 and this factory closes comments after 365 days.
        using var client = factory.CreateBrowserlikeClient();

        var page = await client.GetDocumentAsync(TestContent.SeedUrl);
        using var response = await client.PostAsync(TestContent.SeedUrl + "/comments", Form("Late", "A late comment"));

        Assert.Null(page.QuerySelector("#comment-form"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Comments_on_unknown_or_hidden_posts_are_a_404()
    {
        var draft = await factory.AddPostAsync("A draft post", PostStatus.Draft, null);
        var scheduled = await factory.AddPostAsync("A scheduled post", PostStatus.Scheduled, DateTime.UtcNow.AddDays(3));
        using var client = factory.CreateBrowserlikeClient();

        foreach (var slug in new[] { "no-such-post", draft, scheduled })
        {
            using var response = await client.PostAsync($"/posts/{slug}/comments", Form("Ann", "Hello"));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        Assert.Equal(0, await CountAsync(draft) + await CountAsync(scheduled));
    }

    [Fact]
    public async Task The_honeypot_sends_the_comment_to_spam_behind_the_same_thanks()
    {
        var slug = await NewPostAsync("Honeypot");
        using var client = factory.CreateBrowserlikeClient(followRedirects: false);

        using var response = await client.PostCommentAsync(slug, "Bot", "Buy things", website: "https://spam.example");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("comment=pending", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var stored = await factory.WithDbAsync(db => db.Comments.SingleAsync(c => c.Post.Slug == slug));
        Assert.Equal(CommentStatus.Spam, stored.Status);
        Assert.Contains("honeypot", stored.ModerationReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task More_than_two_links_hold_the_comment_with_a_reason()
    {
        var slug = await NewPostAsync("Many links");
        using var client = factory.CreateBrowserlikeClient();

        await client.PostCommentAsync(slug, "Linker", "See https://a.example and https://b.example and www.c.example");
        await client.PostCommentAsync(slug, "Two links", "See https://a.example and https://b.example");

        var stored = await factory.WithDbAsync(db => db.Comments.Where(c => c.Post.Slug == slug).OrderBy(c => c.Id).ToListAsync());
        Assert.Equal(CommentStatus.Pending, stored[0].Status);
        Assert.Equal("3 links (more than 2)", stored[0].ModerationReason);
        Assert.Equal(CommentStatus.Pending, stored[1].Status);
        Assert.Null(stored[1].ModerationReason);
    }

    [Theory]
    [InlineData("Best CASINO bonuses", "blocked words: casino")]
    [InlineData("Cheap meds at pills.example today", "blocked words: pills.example")]
    public async Task Blocked_words_and_domains_go_to_spam_with_a_reason(string body, string reason)
    {
        var slug = await NewPostAsync("Blocked " + Guid.NewGuid().ToString("N")[..6]);
        using var client = factory.CreateBrowserlikeClient();

        await client.PostCommentAsync(slug, "Spammer", body);

        var stored = await factory.WithDbAsync(db => db.Comments.SingleAsync(c => c.Post.Slug == slug));
        Assert.Equal(CommentStatus.Spam, stored.Status);
        Assert.Equal(reason, stored.ModerationReason);
    }

    [Fact]
    public async Task The_same_comment_posted_again_is_refused_as_a_duplicate()
    {
        var slug = await NewPostAsync("Duplicates");
        using var client = factory.CreateBrowserlikeClient();

        await client.PostCommentAsync(slug, "Ann", "Exactly the same words.");
        using var second = await client.PostCommentAsync(slug, "Ann", "Exactly the same words.");
        var page = await Html.ParseAsync(second);

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("You already posted this comment a moment ago. It is waiting for moderation.", page.FieldError("Body"));
        Assert.Equal("Exactly the same words.", page.QuerySelector<IHtmlTextAreaElement>("#comment-body")!.Value);
        Assert.Equal(1, await CountAsync(slug));
    }

    [Fact]
    public async Task Crisis_words_mark_the_comment_urgent_never_spam_and_top_of_the_queue()
    {
        var slug = await NewPostAsync("Crisis words");
        using var client = factory.CreateBrowserlikeClient();
        await client.PostCommentAsync(slug, "Ordinary", "An ordinary question.");
        // Even a blocked word cannot send a crisis comment to spam: a person must read it.
        await client.PostCommentAsync(slug, "Someone", "I want to end my life, the casino took everything.");

        var urgent = await factory.WithDbAsync(db => db.Comments.SingleAsync(c => c.Post.Slug == slug && c.AuthorName == "Someone"));
        Assert.Equal(CommentStatus.Pending, urgent.Status);
        Assert.True(urgent.IsUrgent);
        Assert.Contains("crisis words: end my life", urgent.ModerationReason, StringComparison.Ordinal);

        using var admin = await factory.SignedInAdminAsync();
        var queue = await admin.GetDocumentAsync("/admin/comments?status=Pending");
        var first = queue.QuerySelector(".queue-item")!;
        Assert.Equal(urgent.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), first.GetAttribute("data-comment-id"));
        Assert.Equal("Urgent", first.QuerySelector(".badge-urgent")!.TextContent);
        var dashboard = await admin.GetDocumentAsync("/admin");
        Assert.NotNull(dashboard.QuerySelector(".urgent-alert"));
        Assert.NotEqual("0", dashboard.QuerySelector("[data-stat=comments-urgent] dd")!.TextContent);
    }

    [Fact]
    public async Task A_banned_commenter_goes_straight_to_spam()
    {
        var slug = await NewPostAsync("Bans");
        using var reader = factory.CreateBrowserlikeClient();
        await reader.PostCommentAsync(slug, "Troll", "First nasty comment", "troll@example.org");
        var firstId = await factory.WithDbAsync(db => db.Comments.Where(c => c.Post.Slug == slug).Select(c => c.Id).SingleAsync());

        using var admin = await factory.SignedInAdminAsync();
        var replyPage = await admin.GetDocumentAsync($"/admin/comments/{firstId}/reply");
        using var banned = await admin.SubmitAsync(replyPage.Form($"form[action='/admin/comments/{firstId}/ban']"), new Dictionary<string, string>
        {
            ["Reason"] = "abusive",
            ["Days"] = "30",
        });
        await reader.PostCommentAsync(slug, "Troll again", "Second nasty comment", "TROLL@example.org");

        var stored = await factory.WithDbAsync(db => db.Comments.Where(c => c.Post.Slug == slug).OrderBy(c => c.Id).ToListAsync());
        Assert.Equal(HttpStatusCode.OK, banned.StatusCode);
        Assert.All(stored, c => Assert.Equal(CommentStatus.Spam, c.Status));
        Assert.Equal("banned commenter", stored[1].ModerationReason);
        var bans = await admin.GetDocumentAsync("/admin/bans");
        Assert.Contains("troll@example.org", bans.QuerySelector("table")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Origin", "https://evil.example")]
    [InlineData("Origin", "null")]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    [InlineData("Referer", "https://evil.example/forged.html")]
    [InlineData("Referer", "http://localhost/posts/x")]
    public async Task A_cross_origin_post_is_refused(string header, string value)
    {
        var slug = await NewPostAsync("Cross origin " + Guid.NewGuid().ToString("N")[..6]);
        using var client = factory.CreateBrowserlikeClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/posts/{slug}/comments") { Content = Form("Ann", "Forged") };
        request.Headers.Add(header, value);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await CountAsync(slug));
    }

    [Fact]
    public async Task A_referer_from_another_site_is_refused_even_when_the_other_headers_look_right()
    {
        var slug = await NewPostAsync("Referer check");
        using var client = factory.CreateBrowserlikeClient(followRedirects: false);
        using var forged = new HttpRequestMessage(HttpMethod.Post, $"/posts/{slug}/comments") { Content = Form("Ann", "Forged with a referer") };
        forged.Headers.Add("Sec-Fetch-Site", "same-origin");
        forged.Headers.Referrer = new Uri("https://evil.example/page");
        using var own = new HttpRequestMessage(HttpMethod.Post, $"/posts/{slug}/comments") { Content = Form("Ann", "From the post page") };
        own.Headers.Add("Sec-Fetch-Site", "same-origin");
        own.Headers.Referrer = new Uri($"https://localhost/posts/{slug}");

        using var refused = await client.SendAsync(forged);
        using var accepted = await client.SendAsync(own);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(1, await CountAsync(slug));
    }

    [Fact]
    public async Task A_same_origin_browser_post_is_accepted()
    {
        var slug = await NewPostAsync("Same origin");
        using var client = factory.CreateBrowserlikeClient(followRedirects: false);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/posts/{slug}/comments") { Content = Form("Ann", "From the page") };
        request.Headers.Add("Origin", "http://localhost");
        request.Headers.Add("Sec-Fetch-Site", "same-origin");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(1, await CountAsync(slug));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "<img src=x onerror=alert(1)>")]
    [InlineData("\"><svg onload=alert(1)>", "[click](javascript:alert(1)) and <a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("Ann\u0000\u0007", "Body with a null\u0000 byte")]
    public async Task Script_in_name_or_body_never_reaches_the_page_as_live_html(string name, string body)
    {
        var slug = await NewPostAsync("Hostile " + Guid.NewGuid().ToString("N")[..6]);
        using var client = factory.CreateBrowserlikeClient();
        using var response = await client.PostCommentAsync(slug, name, body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode} at {response.RequestMessage!.RequestUri}");
        Assert.Contains("comment=pending", response.RequestMessage!.RequestUri!.Query, StringComparison.Ordinal);
        await ApproveAsync(c => c.Post.Slug == slug);

        foreach (var url in new[] { $"/posts/{slug}" })
        {
            var page = await client.GetDocumentAsync(url);
            Assert.Empty(page.QuerySelectorAll("script:not([type='application/ld+json']), svg, img[onerror], [onload], [onerror]"));
            Assert.Empty(page.QuerySelectorAll("a[href^='javascript' i]"));
            Assert.Single(page.QuerySelectorAll(".comment"));
        }

        using var admin = await factory.SignedInAdminAsync();
        var queue = await admin.GetDocumentAsync("/admin/comments?status=Approved");
        Assert.Empty(queue.QuerySelectorAll("script, svg, [onload], [onerror], a[href^='javascript' i]"));
        Assert.DoesNotContain('\u0000', await factory.WithDbAsync(db => db.Comments.Where(c => c.Post.Slug == slug).Select(c => c.Body + c.AuthorName).SingleAsync()));
    }

    private Task<string> NewPostAsync(string title) =>
        factory.AddPostAsync(title, PostStatus.Published, DateTime.UtcNow.AddDays(-1));

    private Task<int> CountAsync(string slug) =>
        factory.WithDbAsync(db => db.Comments.CountAsync(c => c.Post.Slug == slug));

    private static FormUrlEncodedContent Form(string name, string body) =>
        new(new Dictionary<string, string> { ["Name"] = name, ["Body"] = body });

    /// <summary>Approves as moderation does, through a saved change the app is told of (its pages and
    /// their data in memory are then read again), not behind its back.</summary>
    private Task ApproveAsync(System.Linq.Expressions.Expression<Func<Comment, bool>> which) =>
        factory.WithDbAsync(async db =>
        {
            foreach (var comment in await db.Comments.Where(which).ToListAsync())
            {
                comment.Status = CommentStatus.Approved;
            }

            await db.SaveChangesAsync();
        });

    private static Comment Approved(int postId, string name, int? parentId) => new()
    {
        PostId = postId,
        ParentId = parentId,
        AuthorName = name,
        Body = $"Comment by {name}",
        BodyHtml = $"<p>Comment by {name}</p>",
        Status = CommentStatus.Approved,
    };
}
