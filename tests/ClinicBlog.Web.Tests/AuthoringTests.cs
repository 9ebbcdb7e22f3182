using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ClinicBlog.Core.Authors;
using ClinicBlog.Core.Posts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace ClinicBlog.Web.Tests;

public sealed class AuthoringTests(AuthoringTests.Factory factory) : IClassFixture<AuthoringTests.Factory>
{
    public sealed class Factory : BlogFactory
    {
        public override FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);
    }

    private const string ReviewerEmail = "reviewer@clinic.test";
    private const string ReviewerPassword = "Reviewer-password-42";
    private const string WriterEmail = "author@clinic.test";
    private const string WriterPassword = "Author-password-42";

    [Fact]
    public async Task A_post_is_written_previewed_reviewed_published_and_read()
    {
        await EnsureStaffAsync();
        using var admin = await factory.SignedInAdminAsync();

        // Preview shows the post as readers would see it, and saves nothing.
        var editor = await admin.GetDocumentAsync("/admin/posts/new");
        using var preview = await admin.SubmitAsync(editor.Form(".editor-form"), new Dictionary<string, string>
        {
            ["Title"] = "Sleep hygiene basics",
            ["Summary"] = "Small habits that help.",
            ["Body"] = "## Why sleep matters\n\n- keep a schedule\n- avoid screens\n\nIt’s simple.",
            ["Tags"] = "Sleep, Mental Health",
        }, "button[value=preview]");
        var previewPage = await Html.ParseAsync(preview);
        Assert.Equal("Why sleep matters", previewPage.QuerySelector(".preview .post-body h2")!.TextContent);
        Assert.Equal(2, previewPage.QuerySelectorAll(".preview .post-body li").Length);
        Assert.Equal("Sleep hygiene basics", previewPage.QuerySelector(".preview h1")!.TextContent);
        Assert.Equal("/authors/editorial-team", previewPage.QuerySelector(".preview .byline a")!.GetAttribute("href"));
        Assert.NotNull(previewPage.QuerySelector(".preview .notice-crisis"));
        Assert.Equal("## Why sleep matters\n\n- keep a schedule\n- avoid screens\n\nIt’s simple.", previewPage.QuerySelector<IHtmlTextAreaElement>("#Body")!.Value.ReplaceLineEndings("\n"));
        Assert.False(await factory.WithDbAsync(db => db.Posts.AnyAsync(p => p.Title == "Sleep hygiene basics")));

        // Save as a draft, then publishing is refused until a reviewer signs off.
        using var saved = await admin.SubmitAsync(previewPage.Form(".editor-form"), null, "button[value=save]");
        var postId = await PostIdAsync("sleep-hygiene-basics");
        Assert.Equal($"/admin/posts/{postId}/edit", saved.RequestMessage!.RequestUri!.AbsolutePath);
        var refused = await SaveAsync(admin, postId, new() { ["Status"] = "Published" });
        Assert.Equal(PostEditorService.NeedsReviewMessage, refused.QuerySelector("#Status-error")!.TextContent);

        using var reviewer = await factory.SignedInClientAsync(ReviewerEmail, ReviewerPassword);
        var reviewPage = await reviewer.GetDocumentAsync($"/admin/posts/{postId}/review");
        using var signed = await reviewer.SubmitAsync(reviewPage.Form($"form[action='/admin/posts/{postId}/sign-off']"));
        Assert.Contains("Signed off", (await Html.ParseAsync(signed)).QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);

        var published = await SaveAsync(admin, postId, new() { ["Status"] = "Published" });
        Assert.Equal("Saved.", published.QuerySelector("[role=status]")!.TextContent);

        var home = await factory.CreateBrowserlikeClient().GetDocumentAsync("/");
        Assert.Contains(home.QuerySelectorAll(".post-card h2 a"), a => a.TextContent == "Sleep hygiene basics");
        var article = await factory.CreateBrowserlikeClient().GetDocumentAsync("/posts/sleep-hygiene-basics");
        Assert.StartsWith("Medically reviewed by Dr Rivera, MD, psychiatrist on", article.QuerySelector(".reviewed")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Null(article.QuerySelector(".review-stale"));

        Assert.DoesNotContain("Last updated", article.QuerySelector(".post-header .meta")!.TextContent, StringComparison.Ordinal);

        // Two days later an edit waits for review: readers keep the reviewed text and its review line.
        factory.Clock.Advance(TimeSpan.FromDays(2));
        using var nextDay = await factory.SignedInAdminAsync(); // yesterday's 8-hour sign-in has expired
        await SaveAsync(nextDay, postId, new() { ["Body"] = "## Why sleep matters\n\nChanged advice." });
        var unchanged = await factory.CreateBrowserlikeClient().GetDocumentAsync("/posts/sleep-hygiene-basics");
        Assert.Equal(2, unchanged.QuerySelectorAll(".post-body li").Length);
        Assert.StartsWith("Medically reviewed by Dr Rivera", unchanged.QuerySelector(".reviewed")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.DoesNotContain("Last updated", unchanged.QuerySelector(".post-header .meta")!.TextContent, StringComparison.Ordinal);

        var actions = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "Post" && a.EntityId == postId.ToString(CultureInfo.InvariantCulture)).Select(a => a.Action).ToListAsync());
        Assert.Equal(["post.created", "post.reviewed", "post.published", "post.changes-saved"], actions);
    }

    [Fact]
    public async Task A_scheduled_post_stays_hidden_until_its_time_then_appears_by_itself()
    {
        using var admin = await factory.SignedInAdminAsync();
        var postId = await CreateReviewedDraftAsync(admin, "Scheduled for later");
        var at = factory.Clock.GetUtcNow().UtcDateTime.AddHours(2);

        await SaveAsync(admin, postId, new() { ["Status"] = "Scheduled", ["PublishAt"] = at.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture) });
        using var reader = factory.CreateBrowserlikeClient();
        using var before = await reader.GetAsync("/posts/scheduled-for-later");
        factory.Clock.Advance(TimeSpan.FromHours(3));
        using var after = await reader.GetAsync("/posts/scheduled-for-later");

        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        var past = await SaveAsync(admin, postId, new() { ["Status"] = "Scheduled", ["PublishAt"] = "2020-01-01T10:00" });
        Assert.Equal("A scheduled post needs a publish time in the future (UTC).", past.QuerySelector("#PublishAt-error")!.TextContent);
    }

    [Fact]
    public async Task Changing_a_published_posts_slug_keeps_the_old_url_working()
    {
        using var admin = await factory.SignedInAdminAsync();
        var postId = await CreateReviewedDraftAsync(admin, "Old address post");
        await SaveAsync(admin, postId, new() { ["Status"] = "Published" });

        // A new address is a change readers see: it waits like any other, but its text is the reviewed one,
        // so an editor publishes it without a new sign-off.
        var saved = await SaveAsync(admin, postId, new() { ["Slug"] = "new-address-post" });
        using var published = await admin.SubmitAsync(saved.Form($"form[action='/admin/posts/{postId}/changes/publish']"));
        using var reader = factory.CreateBrowserlikeClient(followRedirects: false);
        using var old = await reader.GetAsync("/posts/old-address-post");

        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal("/posts/new-address-post", old.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_duplicate_or_malformed_slug_is_refused_with_the_text_kept()
    {
        using var admin = await factory.SignedInAdminAsync();
        var editor = await admin.GetDocumentAsync("/admin/posts/new");

        using var duplicate = await admin.SubmitAsync(editor.Form(".editor-form"), new Dictionary<string, string>
        {
            ["Title"] = "Another ketamine post",
            ["Slug"] = TestContent.SeedSlug,
            ["Body"] = "Words worth keeping.",
        }, "button[value=save]");
        var page = await Html.ParseAsync(duplicate);
        using var malformed = await admin.SubmitAsync(page.Form(".editor-form"), new Dictionary<string, string> { ["Slug"] = "Not A Slug!" }, "button[value=save]");
        var second = await Html.ParseAsync(malformed);

        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Equal($"Another post already uses the address /posts/{TestContent.SeedSlug}. Choose another slug.", page.QuerySelector("#Slug-error")!.TextContent);
        Assert.Equal("Words worth keeping.", page.QuerySelector<IHtmlTextAreaElement>("#Body")!.Value);
        Assert.StartsWith("Use lower-case letters", second.QuerySelector("#Slug-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Another ketamine post", second.QuerySelector<IHtmlInputElement>("#Title")!.Value);
    }

    [Fact]
    public async Task Two_editors_saving_the_same_post_get_a_conflict_and_lose_nothing()
    {
        using var first = await factory.SignedInAdminAsync();
        var postId = await CreateReviewedDraftAsync(first, "Shared draft");
        using var second = await factory.SignedInAdminAsync();
        var firstEditor = await first.GetDocumentAsync($"/admin/posts/{postId}/edit");
        var secondEditor = await second.GetDocumentAsync($"/admin/posts/{postId}/edit");

        using var firstSave = await first.SubmitAsync(firstEditor.Form(".editor-form"), new Dictionary<string, string> { ["Body"] = "The first editor's words." }, "button[value=save]");
        using var conflict = await second.SubmitAsync(secondEditor.Form(".editor-form"), new Dictionary<string, string> { ["Body"] = "The second editor's words." }, "button[value=save]");
        var page = await Html.ParseAsync(conflict);

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal("The first editor's words.", page.QuerySelector("[data-their-body]")!.TextContent);
        Assert.Equal("The second editor's words.", page.QuerySelector<IHtmlTextAreaElement>("#Body")!.Value);
        Assert.Equal("The first editor's words.", await factory.WithDbAsync(db => db.Posts.Where(p => p.Id == postId).Select(p => p.Body).SingleAsync()));

        // Saving again from the conflict page knowingly replaces the other version; it stays as a revision.
        using var resolved = await second.SubmitAsync(page.Form(".editor-form"), null, "button[value=save]");
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        Assert.Equal("The second editor's words.", await factory.WithDbAsync(db => db.Posts.Where(p => p.Id == postId).Select(p => p.Body).SingleAsync()));
        Assert.Contains("The first editor's words.", await factory.WithDbAsync(db => db.PostRevisions.Where(r => r.PostId == postId).Select(r => r.Body).ToListAsync()));
    }

    [Fact]
    public async Task An_earlier_revision_can_be_restored()
    {
        using var admin = await factory.SignedInAdminAsync();
        var postId = await CreateReviewedDraftAsync(admin, "Revised post");
        await SaveAsync(admin, postId, new() { ["Body"] = "Second version." });
        await SaveAsync(admin, postId, new() { ["Body"] = "Third version." });

        var editor = await admin.GetDocumentAsync($"/admin/posts/{postId}/edit");
        var restoreForms = editor.QuerySelectorAll<IHtmlFormElement>(".revisions form").ToList();
        Assert.Equal(2, restoreForms.Count);
        using var restored = await admin.SubmitAsync(restoreForms[1]);

        Assert.Equal("Words of Revised post.", await factory.WithDbAsync(db => db.Posts.Where(p => p.Id == postId).Select(p => p.Body).SingleAsync()));
        Assert.Equal(3, await factory.WithDbAsync(db => db.PostRevisions.CountAsync(r => r.PostId == postId)));
    }

    [Fact]
    public async Task Image_uploads_accept_real_images_and_refuse_renamed_and_oversized_files()
    {
        using var admin = await factory.SignedInAdminAsync();

        using var png = await admin.UploadImageAsync(Images.TinyPng, "photo.png", "image/png");
        var pngPage = await Html.ParseAsync(png);
        using var gif = await admin.UploadImageAsync(Images.SmallGif, "anim.gif", "image/gif");
        using var text = await admin.UploadImageAsync("<html><script>alert(1)</script></html>"u8.ToArray(), "evil.png", "image/png");
        using var svg = await admin.UploadImageAsync("<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>"u8.ToArray(), "x.svg", "image/svg+xml");
        var big = new byte[5 * 1024 * 1024 + 10];
        Images.TinyPng.CopyTo(big, 0);
        using var oversized = await admin.UploadImageAsync(big, "huge.png", "image/png");

        var snippet = pngPage.QuerySelector("[data-snippet]")!.TextContent;
        Assert.Matches(@"^!\[Describe the image\]\(/media/[0-9a-f]{32}\.png\)$", snippet);
        Assert.Equal(HttpStatusCode.OK, gif.StatusCode);
        foreach (var refused in new[] { text, svg })
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.StartsWith("That file is not a JPEG, PNG, WebP or GIF image", (await Html.ParseAsync(refused)).QuerySelector("#file-error")!.TextContent, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.BadRequest, oversized.StatusCode);
        Assert.Equal("The image is 5.0 MB; the limit is 5 MB.", (await Html.ParseAsync(oversized)).QuerySelector("#file-error")!.TextContent);

        var url = snippet[(snippet.IndexOf('(', StringComparison.Ordinal) + 1)..^1];
        using var served = await factory.CreateBrowserlikeClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/png", served.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Images.TinyPng, await served.Content.ReadAsByteArrayAsync());
        Assert.Contains("immutable", served.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, await factory.WithDbAsync(db => db.MediaFiles.CountAsync()));
        Assert.Equal(2, Directory.GetFiles(Path.Combine(factory.DataDirectory, "uploads")).Length);
    }

    [Fact]
    public async Task An_author_edits_only_their_own_posts_and_cannot_publish()
    {
        await EnsureStaffAsync();
        using var writer = await factory.SignedInClientAsync(WriterEmail, WriterPassword);
        var seedId = await PostIdAsync(TestContent.SeedSlug);

        using var others = await writer.GetAsync($"/admin/posts/{seedId}/edit");
        Assert.Equal(HttpStatusCode.Forbidden, others.StatusCode);

        var editor = await writer.GetDocumentAsync("/admin/posts/new");
        Assert.Null(editor.QuerySelector("#AuthorId"));
        Assert.Equal(["Draft"], editor.QuerySelectorAll("#Status option").Select(o => o.TextContent));
        using var draft = await writer.SubmitAsync(editor.Form(".editor-form"), new Dictionary<string, string>
        {
            ["Title"] = "An author's draft",
            ["Body"] = "Draft words.",
        }, "button[value=save]");
        var postId = await PostIdAsync("an-authors-draft");

        // Forge a publish: the option is not offered, and the server refuses it anyway.
        var form = (await writer.GetDocumentAsync($"/admin/posts/{postId}/edit")).Form(".editor-form");
        var status = form.QuerySelector<IHtmlSelectElement>("#Status")!;
        status.AppendChild(form.Owner!.CreateElement("option")).TextContent = "Published";
        using var forged = await writer.SubmitAsync(form, new Dictionary<string, string> { ["Status"] = "Published" }, "button[value=save]");
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.StartsWith("Only an editor or an admin can publish", (await Html.ParseAsync(forged)).QuerySelector("#Status-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(PostStatus.Draft, await factory.WithDbAsync(db => db.Posts.Where(p => p.Id == postId).Select(p => p.Status).SingleAsync()));

        var submit = (await writer.GetDocumentAsync($"/admin/posts/{postId}/edit")).Form($"form[action='/admin/posts/{postId}/submit']");
        using var submitted = await writer.SubmitAsync(submit);
        Assert.NotNull(await factory.WithDbAsync(db => db.Posts.Where(p => p.Id == postId).Select(p => p.SubmittedAt).SingleAsync()));

        var list = await writer.GetDocumentAsync("/admin/posts");
        Assert.Equal(["An author's draft"], list.QuerySelectorAll(".posts-table tbody td:first-child a").Select(a => a.TextContent));
        foreach (var adminOnly in new[] { "/admin/bans", "/admin/posts/review-due" })
        {
            using var response = await writer.GetAsync(adminOnly);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{adminOnly} answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Archiving_hides_a_post_with_a_410_notice_and_delete_asks_first()
    {
        using var admin = await factory.SignedInAdminAsync();
        var postId = await CreateReviewedDraftAsync(admin, "Soon archived");
        await SaveAsync(admin, postId, new() { ["Status"] = "Published" });
        await SaveAsync(admin, postId, new() { ["Status"] = "Archived" });

        using var gone = await factory.CreateBrowserlikeClient().GetAsync("/posts/soon-archived");
        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        Assert.Equal("This article has been archived", (await Html.ParseAsync(gone)).QuerySelector("h1")!.TextContent);

        var confirm = await admin.GetDocumentAsync($"/admin/posts/{postId}/delete");
        Assert.True(await factory.WithDbAsync(db => db.Posts.AnyAsync(p => p.Id == postId)));
        using var deleted = await admin.SubmitAsync(confirm.Form($"form[action='/admin/posts/{postId}/delete']"));
        Assert.False(await factory.WithDbAsync(db => db.Posts.AnyAsync(p => p.Id == postId)));
        Assert.Contains("post.deleted", await factory.WithDbAsync(db => db.AuditEntries.Select(a => a.Action).ToListAsync()));
    }

    private async Task<int> CreateReviewedDraftAsync(HttpClient admin, string title)
    {
        await EnsureStaffAsync();
        var reviewerId = await factory.WithDbAsync(db => db.Authors.Where(a => a.Slug == "dr-hale").Select(a => a.Id).SingleAsync());
        var editor = await admin.GetDocumentAsync("/admin/posts/new");
        using var response = await admin.SubmitAsync(editor.Form(".editor-form"), new Dictionary<string, string>
        {
            ["Title"] = title,
            ["Body"] = $"Words of {title}.",
            ["ReviewerId"] = reviewerId.ToString(CultureInfo.InvariantCulture),
            ["ReviewedAt"] = factory.Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }, "button[value=save]");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await PostIdAsync(Core.Content.SlugGenerator.Generate(title));
    }

    private static async Task<IDocument> SaveAsync(HttpClient client, int postId, Dictionary<string, string> fields)
    {
        var editor = await client.GetDocumentAsync($"/admin/posts/{postId}/edit");
        using var response = await client.SubmitAsync(editor.Form(".editor-form"), fields, "button[value=save]");
        return await Html.ParseAsync(response);
    }


    private Task<int> PostIdAsync(string slug) =>
        factory.WithDbAsync(db => db.Posts.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync());

    private async Task EnsureStaffAsync()
    {
        if (await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == ReviewerEmail)))
        {
            return;
        }

        var reviewerAuthor = await factory.CreateStaffAsync(ReviewerEmail, ReviewerPassword, StaffRoles.Reviewer, "Dr Rivera");
        await factory.WithDbAsync(db => db.Authors.Where(a => a.Id == reviewerAuthor)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Credentials, "MD, psychiatrist")));
        await factory.CreateStaffAsync(WriterEmail, WriterPassword, StaffRoles.Author, "Alex Author");
        // A clinician without a login, whose sign-offs editors record.
        await factory.WithDbAsync(async db =>
        {
            db.Authors.Add(new Author { DisplayName = "Dr Hale", Slug = "dr-hale", Credentials = "MD, family medicine" });
            await db.SaveChangesAsync();
        });
    }
}
