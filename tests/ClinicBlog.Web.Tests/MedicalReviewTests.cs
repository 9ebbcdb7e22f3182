using System.Globalization;
using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ClinicBlog.Core.Authors;
using ClinicBlog.Core.Posts;
using ClinicBlog.Core.Reviews;
using ClinicBlog.Web.Models;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ClinicBlog.Web.Tests;

/// <summary>Medical review is a state of the text: readers of a live post always get the text a clinician
/// signed off; staff edits wait as pending changes until a reviewer signs off exactly what they read and
/// an editor publishes it. Run with the output cache on, as in production: every change goes through the app.</summary>
public sealed class MedicalReviewTests(MedicalReviewTests.Factory factory) : IClassFixture<MedicalReviewTests.Factory>
{
    public sealed class Factory : BlogFactory
    {
        public override FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Blog:OutputCache"] = "true" };
    }

    private const string Password = "Staff-password-2026";
    private const string Alice = "alice.author@clinic.test";
    private const string Rita = "rita.reviewer@clinic.test";
    private const string Sam = "sam.reviewer@clinic.test";
    private const string Ed = "ed.editor@clinic.test";
    private const string Dual = "dual.editor@clinic.test";

    private const string ReviewedBody = """
        ## Dosing

        The usual starting dose is 50 mg over 40 minutes, once a week for 6 weeks.[^1]

        See the [guideline](https://example.org/guideline-2024).

        [^1]: Smith et al. Ketamine infusion outcomes. 2024.
        """;

    private const string ChangedBody = """
        ## Dosing

        The usual starting dose is 75 mg over 40 minutes, twice a week for 6 weeks.[^1]

        See the [guideline](https://example.org/guideline-2026).

        [^1]: Smith et al. Ketamine infusion outcomes, updated. 2026.
        """;

    [Fact]
    public async Task An_edit_to_a_live_post_waits_as_pending_changes_while_readers_keep_the_reviewed_text()
    {
        var (id, slug) = await LivePostAsync("Infusion dosing guide");
        using var reader = factory.CreateBrowserlikeClient();
        var before = await reader.GetStringAsync($"/posts/{slug}");
        using var alice = await factory.SignedInClientAsync(Alice, Password);

        var saved = await SaveAsync(alice, id, new() { ["Title"] = "Infusion dosing guide, revised", ["Body"] = ChangedBody, ["Tags"] = "Ketamine, Dosing" });
        var again = await SaveAsync(alice, id, new() { ["Body"] = ChangedBody + "\nAsk your clinician first.\n" });

        // Staff see the pending changes, and go on editing them.
        Assert.NotNull(saved.QuerySelector("[data-pending-changes]"));
        Assert.StartsWith("Saved as changes awaiting review", saved.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Infusion dosing guide, revised", again.QuerySelector<IHtmlInputElement>("#Title")!.Value);
        Assert.Contains("Ask your clinician first.", again.QuerySelector<IHtmlTextAreaElement>("#Body")!.Value, StringComparison.Ordinal);
        Assert.NotNull((await alice.GetDocumentAsync("/admin/posts")).QuerySelector($"tr[data-post-id='{id}'] [data-pending-changes]"));
        using var editor = await factory.SignedInClientAsync(Ed, Password);
        var dashboard = await editor.GetDocumentAsync("/admin");
        Assert.Contains(dashboard.QuerySelectorAll("[data-changes-awaiting-review] a"), a => a.GetAttribute("href") == $"/admin/posts/{id}/review");

        // Readers, feeds, search, the sitemap and JSON-LD keep the reviewed version.
        var page = await reader.GetDocumentAsync($"/posts/{slug}");
        Assert.Equal(before, page.Source.Text);
        Assert.Equal("Infusion dosing guide", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("50 mg", page.QuerySelector(".post-body")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("Medically reviewed by Dr Noor Khan, MD", page.QuerySelector(".reviewed")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("Dr Noor Khan", JsonLd(page).GetProperty("reviewedBy").GetProperty("name").GetString());
        Assert.DoesNotContain("revised", await reader.GetStringAsync("/feed.xml"), StringComparison.Ordinal);
        Assert.DoesNotContain("Ask your clinician first", await reader.GetStringAsync("/feed.xml"), StringComparison.Ordinal);
        Assert.Empty((await reader.GetDocumentAsync("/search?q=clinician+first")).QuerySelectorAll(".search-result"));
        Assert.DoesNotContain("revised", await reader.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Empty((await reader.GetDocumentAsync("/search?q=revised")).QuerySelectorAll(".search-result"));
        Assert.Empty((await reader.GetDocumentAsync("/tags/dosing")).QuerySelectorAll(".post-card"));
        Assert.DoesNotContain("revised", await reader.GetStringAsync("/sitemap.xml"), StringComparison.Ordinal);
        Assert.Equal(["post.published", "post.review-recorded", "post.changes-saved", "post.changes-saved"], await AuditAsync(id));
    }

    [Fact]
    public async Task The_reviewer_sees_what_changed_word_by_word_and_the_clinical_details_first()
    {
        var (id, _) = await LivePostAsync("Diff guide");
        using var alice = await factory.SignedInClientAsync(Alice, Password);
        await SaveAsync(alice, id, new() { ["Body"] = ChangedBody });
        using var reviewer = await factory.SignedInClientAsync(Rita, Password);

        var page = await reviewer.GetDocumentAsync($"/admin/posts/{id}/review");

        var body = page.QuerySelector("[data-diff=body]")!;
        Assert.Contains(body.QuerySelectorAll("ins"), i => i.TextContent.Contains("75", StringComparison.Ordinal));
        Assert.Contains(body.QuerySelectorAll("del"), d => d.TextContent.Contains("50", StringComparison.Ordinal));
        Assert.Contains(body.QuerySelectorAll("ins"), i => i.TextContent.Contains("twice", StringComparison.Ordinal));
        Assert.Contains(body.QuerySelectorAll("ins .visually-hidden"), s => s.TextContent.StartsWith("[added", StringComparison.Ordinal));
        Assert.Contains(body.QuerySelectorAll("del .visually-hidden"), s => s.TextContent.StartsWith("[removed", StringComparison.Ordinal));
        Assert.Contains("The usual starting dose is", body.TextContent, StringComparison.Ordinal);
        var clinical = page.QuerySelectorAll("[data-clinical] li").Select(li => li.TextContent.Trim().ReplaceLineEndings(" ")).ToList();
        Assert.Contains(clinical, c => c.StartsWith(ReviewDiff.Dose, StringComparison.Ordinal) && c.Contains("removed “50 mg”", StringComparison.Ordinal));
        Assert.Contains(clinical, c => c.StartsWith(ReviewDiff.Dose, StringComparison.Ordinal) && c.Contains("added “75 mg”", StringComparison.Ordinal));
        Assert.Contains(clinical, c => c.StartsWith(ReviewDiff.Link, StringComparison.Ordinal) && c.Contains("https://example.org/guideline-2026", StringComparison.Ordinal));
        Assert.Contains(clinical, c => c.StartsWith(ReviewDiff.Link, StringComparison.Ordinal) && c.Contains("removed “https://example.org/guideline-2024”", StringComparison.Ordinal));
        Assert.Contains(clinical, c => c.StartsWith(ReviewDiff.Reference, StringComparison.Ordinal) && c.Contains("changed from", StringComparison.Ordinal) && c.Contains("updated. 2026", StringComparison.Ordinal));
        Assert.DoesNotContain(clinical, c => c.Contains("40 minutes", StringComparison.Ordinal) || c.Contains("6 weeks", StringComparison.Ordinal));
        Assert.Contains("signed off by Dr Noor Khan, MD", page.QuerySelector("[data-review-context]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sign_off_covers_exactly_the_text_read_and_is_refused_when_it_changed_meanwhile()
    {
        var (id, _) = await LivePostAsync("Stale sign-off guide");
        using var alice = await factory.SignedInClientAsync(Alice, Password);
        await SaveAsync(alice, id, new() { ["Body"] = ChangedBody });
        using var reviewer = await factory.SignedInClientAsync(Rita, Password);
        var read = await reviewer.GetDocumentAsync($"/admin/posts/{id}/review");

        // The author changes the dose again while the reviewer reads.
        await SaveAsync(alice, id, new() { ["Body"] = ChangedBody.Replace("75 mg", "100 mg", StringComparison.Ordinal) });
        using var stale = await reviewer.SubmitAsync(read.Form("[data-sign-off]"));
        var again = await Html.ParseAsync(stale);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(PostReviewService.TextChangedMessage, again.QuerySelector("[data-review-problem]")!.TextContent);
        Assert.Contains(again.QuerySelectorAll("[data-diff=body] ins"), i => i.TextContent.Contains("100", StringComparison.Ordinal));
        Assert.Null(await PendingSignOffAsync(id));
        Assert.Contains("post.review-refused", await AuditAsync(id));

        using var signed = await reviewer.SubmitAsync(again.Form("[data-sign-off]"));
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        Assert.Equal("Signed off: your review covers exactly the text below.", (await Html.ParseAsync(signed)).QuerySelector("[role=status]")!.TextContent);
        Assert.NotNull(await PendingSignOffAsync(id));
        Assert.EndsWith("post.reviewed", (await AuditAsync(id))[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publishing_signed_off_changes_puts_the_text_its_date_and_its_review_line_live_together()
    {
        var (id, slug) = await LivePostAsync("Publishing guide");
        using var reader = factory.CreateBrowserlikeClient();
        Assert.Contains("50 mg", await reader.GetStringAsync($"/posts/{slug}"), StringComparison.Ordinal); // now in the cache
        using var alice = await factory.SignedInClientAsync(Alice, Password);
        await SaveAsync(alice, id, new() { ["Body"] = ChangedBody });
        using var editor = await factory.SignedInClientAsync(Ed, Password);

        // Not before a reviewer signs off: no button, and a forged request is refused.
        var editPage = await editor.GetDocumentAsync($"/admin/posts/{id}/edit");
        Assert.Null(editPage.QuerySelector($"form[action='/admin/posts/{id}/changes/publish']"));
        var discardForm = editPage.Form($"form[action='/admin/posts/{id}/changes/discard']");
        discardForm.Action = $"/admin/posts/{id}/changes/publish";
        using var early = await editor.SubmitAsync(discardForm);
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Equal(PostReviewService.NotSignedOffMessage, (await Html.ParseAsync(early)).QuerySelector("[data-review-problem]")!.TextContent);

        factory.Clock.Advance(TimeSpan.FromDays(3));
        using var reviewer = await factory.SignedInClientAsync(Rita, Password);
        await reviewer.SubmitExpectingSuccessAsync((await reviewer.GetDocumentAsync($"/admin/posts/{id}/review")).Form("[data-sign-off]"));
        Assert.Contains("50 mg", await reader.GetStringAsync($"/posts/{slug}"), StringComparison.Ordinal); // signed off, not yet published

        using var editorLater = await factory.SignedInClientAsync(Ed, Password);
        var review = await editorLater.GetDocumentAsync($"/admin/posts/{id}/review");
        using var published = await editorLater.SubmitAsync(review.Form("[data-publish-changes]"));
        var page = await reader.GetDocumentAsync($"/posts/{slug}");
        var today = factory.Clock.GetUtcNow().UtcDateTime;

        Assert.Equal($"/admin/posts/{id}/edit", published.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("75 mg", page.QuerySelector(".post-body")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Last updated " + Formats.LongDate(today), page.QuerySelector(".post-header .meta")!.TextContent.ReplaceLineEndings(" "), StringComparison.Ordinal);
        Assert.Equal($"Medically reviewed by Dr Rita Reyes, MD, psychiatrist on {Formats.LongDate(today)}.", Squash(page.QuerySelector(".reviewed")!.TextContent));
        var jsonLd = JsonLd(page);
        Assert.Equal("Dr Rita Reyes", jsonLd.GetProperty("reviewedBy").GetProperty("name").GetString());
        Assert.Equal(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), jsonLd.GetProperty("lastReviewed").GetString());
        Assert.Contains("75 mg", await reader.GetStringAsync("/feed.xml"), StringComparison.Ordinal);
        Assert.Null(await factory.WithDbAsync(db => db.Posts.Where(p => p.Id == id).Select(p => p.PendingRevisionId).SingleAsync()));
        Assert.EndsWith("post.changes-published", (await AuditAsync(id))[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nobody_signs_off_their_own_post_or_changes_they_made()
    {
        var ritaAuthor = await AuthorIdAsync(Rita);
        var (own, _) = await LivePostAsync("Rita's own article", ritaAuthor);
        using var rita = await factory.SignedInClientAsync(Rita, Password);
        await SaveAsync(rita, own, new() { ["Body"] = ChangedBody });

        var ownPage = await rita.GetDocumentAsync($"/admin/posts/{own}/review");
        using var forgedOwn = await PostSignOffAsync(rita, own, ownPage);

        Assert.Null(ownPage.QuerySelector("[data-sign-off]"));
        Assert.Equal(PostReviewService.OwnPostMessage, ownPage.QuerySelector("[data-cannot-sign-off]")!.TextContent);
        Assert.Equal(HttpStatusCode.Forbidden, forgedOwn.StatusCode);

        // An editor who is also a reviewer edits someone else's article: those changes are theirs.
        var (others, _) = await LivePostAsync("Alice's article for the dual editor");
        using var dual = await factory.SignedInClientAsync(Dual, Password);
        await SaveAsync(dual, others, new() { ["Body"] = ChangedBody });
        var dualPage = await dual.GetDocumentAsync($"/admin/posts/{others}/review");
        using var forgedDual = await PostSignOffAsync(dual, others, dualPage);

        Assert.Equal(PostReviewService.OwnChangesMessage, dualPage.QuerySelector("[data-cannot-sign-off]")!.TextContent);
        Assert.Equal(HttpStatusCode.Forbidden, forgedDual.StatusCode);
        Assert.Null(await PendingSignOffAsync(own));
        Assert.Null(await PendingSignOffAsync(others));

        // Another clinician may.
        using var sam = await factory.SignedInClientAsync(Sam, Password);
        using var signed = await sam.SubmitAsync((await sam.GetDocumentAsync($"/admin/posts/{own}/review")).Form("[data-sign-off]"));
        Assert.NotNull(await PendingSignOffAsync(own));
    }

    [Fact]
    public async Task A_recorded_review_names_a_clinician_without_a_login_and_a_date_neither_future_nor_before_the_text()
    {
        using var alice = await factory.SignedInClientAsync(Alice, Password);
        var editor = await alice.GetDocumentAsync("/admin/posts/new");
        Assert.Null(editor.QuerySelector("#ReviewerId"));
        var noor = await AuthorSlugIdAsync("dr-noor-khan");
        // An author forges the fields: nothing is recorded.
        var form = editor.Form(".editor-form");
        AddHidden(form, "ReviewerId", noor.ToString(CultureInfo.InvariantCulture));
        AddHidden(form, "ReviewedAt", factory.Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        using var forged = await alice.SubmitAsync(form, new Dictionary<string, string> { ["Title"] = "Recorded review draft", ["Body"] = ReviewedBody }, "button[value=save]");
        var id = await PostIdAsync("recorded-review-draft");
        Assert.Null(await factory.WithDbAsync(db => db.Posts.Where(p => p.Id == id).Select(p => p.ReviewedContentHash).SingleAsync()));

        factory.Clock.Advance(TimeSpan.FromDays(2));
        using var admin = await factory.SignedInAdminAsync();
        var today = factory.Clock.GetUtcNow().UtcDateTime;
        // A reviewer with a staff account is not offered; a forged choice of one is refused.
        var ritaId = (await AuthorIdAsync(Rita)).ToString(CultureInfo.InvariantCulture);
        var page = await admin.GetDocumentAsync($"/admin/posts/{id}/edit");
        var reviewers = page.QuerySelector<IHtmlSelectElement>("#ReviewerId")!;
        Assert.DoesNotContain(reviewers.Options, o => o.Value == ritaId);
        Assert.Contains(reviewers.Options, o => o.Value == noor.ToString(CultureInfo.InvariantCulture));
        var option = (IHtmlOptionElement)page.CreateElement("option");
        option.Value = ritaId;
        reviewers.AppendChild(option);
        using var withLoginResponse = await admin.SubmitAsync(page.Form(".editor-form"), new Dictionary<string, string> { ["ReviewerId"] = ritaId, ["ReviewedAt"] = Day(today) }, "button[value=save]");
        var withLogin = await Html.ParseAsync(withLoginResponse);
        Assert.Equal(HttpStatusCode.BadRequest, withLoginResponse.StatusCode);
        var future = await SaveAsync(admin, id, new() { ["ReviewerId"] = noor.ToString(CultureInfo.InvariantCulture), ["ReviewedAt"] = Day(today.AddDays(1)) });
        var beforeText = await SaveAsync(admin, id, new() { ["ReviewerId"] = noor.ToString(CultureInfo.InvariantCulture), ["ReviewedAt"] = Day(today.AddDays(-3)) });
        var good = await SaveAsync(admin, id, new() { ["ReviewerId"] = noor.ToString(CultureInfo.InvariantCulture), ["ReviewedAt"] = Day(today.AddDays(-1)) });

        Assert.Equal(PostEditorService.ReviewerHasLoginMessage, withLogin.QuerySelector("#ReviewerId-error")!.TextContent);
        Assert.Equal(ReviewedBody.ReplaceLineEndings("\n"), withLogin.QuerySelector<IHtmlTextAreaElement>("#Body")!.Value.ReplaceLineEndings("\n"));
        Assert.Equal("A review date cannot be in the future.", future.QuerySelector("#ReviewedAt-error")!.TextContent);
        Assert.Equal(Day(today.AddDays(1)), future.QuerySelector<IHtmlInputElement>("#ReviewedAt")!.Value);
        Assert.StartsWith("The text last changed on", beforeText.QuerySelector("#ReviewedAt-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Saved.", good.QuerySelector("[role=status]")!.TextContent);
        var recorded = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "post.review-recorded" && a.EntityId == id.ToString(CultureInfo.InvariantCulture)).SingleAsync());
        var adminId = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == BlogFactory.AdminEmail).Select(u => u.Id).SingleAsync());
        Assert.Equal(adminId, recorded.UserId);
        Assert.Contains("Dr Noor Khan", recorded.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editors_discard_pending_changes_authors_cannot_and_withdrawing_a_post_never_waits()
    {
        var (id, slug) = await LivePostAsync("Discard guide");
        using var alice = await factory.SignedInClientAsync(Alice, Password);
        var saved = await SaveAsync(alice, id, new() { ["Body"] = ChangedBody });
        Assert.Null(saved.QuerySelector($"form[action='/admin/posts/{id}/changes/discard']"));
        var token = saved.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var pendingId = await factory.WithDbAsync(db => db.Posts.Where(p => p.Id == id).Select(p => p.PendingRevisionId).SingleAsync());
        using var forged = await alice.PostAsync($"/admin/posts/{id}/changes/discard", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["revision"] = pendingId!.Value.ToString(CultureInfo.InvariantCulture),
        }));
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);

        using var editor = await factory.SignedInClientAsync(Ed, Password);
        using var discarded = await editor.SubmitAsync((await editor.GetDocumentAsync($"/admin/posts/{id}/edit")).Form($"form[action='/admin/posts/{id}/changes/discard']"));
        var afterDiscard = await Html.ParseAsync(discarded);
        Assert.Null(afterDiscard.QuerySelector("[data-pending-changes]"));
        Assert.Contains("50 mg", afterDiscard.QuerySelector<IHtmlTextAreaElement>("#Body")!.Value, StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.PostRevisions.AnyAsync(r => r.Id == pendingId && r.Body.Contains("75 mg"))));
        Assert.Contains("post.changes-discarded", await AuditAsync(id));

        // With changes pending again, archiving takes the article down at once.
        await SaveAsync(alice, id, new() { ["Body"] = ChangedBody });
        await SaveAsync(editor, id, new() { ["Status"] = "Archived" });
        using var gone = await factory.CreateBrowserlikeClient().GetAsync($"/posts/{slug}");
        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
    }

    [Fact]
    public async Task Signed_off_changes_to_a_post_scheduled_for_later_go_live_at_its_time()
    {
        var at = factory.Clock.GetUtcNow().UtcDateTime.AddDays(2);
        var (id, slug) = await LivePostAsync("Scheduled dosing guide", scheduledFor: at);
        using var alice = await factory.SignedInClientAsync(Alice, Password);
        await SaveAsync(alice, id, new() { ["Body"] = ChangedBody });
        using var reviewer = await factory.SignedInClientAsync(Sam, Password);
        await reviewer.SubmitExpectingSuccessAsync((await reviewer.GetDocumentAsync($"/admin/posts/{id}/review")).Form("[data-sign-off]"));
        using var reader = factory.CreateBrowserlikeClient();
        using var early = await reader.GetAsync($"/posts/{slug}");

        factory.Clock.Advance(TimeSpan.FromDays(3));
        var page = await reader.GetDocumentAsync($"/posts/{slug}");

        Assert.Equal(HttpStatusCode.NotFound, early.StatusCode);
        Assert.Contains("75 mg", page.QuerySelector(".post-body")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("Medically reviewed by Dr Sam Ortiz, MD", page.QuerySelector(".reviewed")!.TextContent.Trim(), StringComparison.Ordinal);
    }

    /// <summary>A post by Alice (or <paramref name="authorId"/>), live, with Dr Noor Khan's recorded sign-off.</summary>
    private async Task<(int Id, string Slug)> LivePostAsync(string title, int? authorId = null, DateTime? scheduledFor = null)
    {
        await EnsureStaffAsync();
        using var admin = await factory.SignedInAdminAsync();
        var editor = await admin.GetDocumentAsync("/admin/posts/new");
        var fields = new Dictionary<string, string>
        {
            ["Title"] = title,
            ["Summary"] = "How infusions are dosed.",
            ["Body"] = ReviewedBody,
            ["Tags"] = "Ketamine",
            ["AuthorId"] = (authorId ?? await AuthorIdAsync(Alice)).ToString(CultureInfo.InvariantCulture),
            ["ReviewerId"] = (await AuthorSlugIdAsync("dr-noor-khan")).ToString(CultureInfo.InvariantCulture),
            ["ReviewedAt"] = Day(factory.Clock.GetUtcNow().UtcDateTime),
            ["Status"] = scheduledFor is null ? "Published" : "Scheduled",
        };
        if (scheduledFor is { } at)
        {
            fields["PublishAt"] = at.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        }

        using var response = await admin.SubmitAsync(editor.Form(".editor-form"), fields, "button[value=save]");
        Assert.True(response.StatusCode == HttpStatusCode.OK, (await Html.ParseAsync(response)).QuerySelector(".field-error:not(:empty), .form-errors")?.TextContent);
        var slug = SlugGeneratorFor(title);
        return (await PostIdAsync(slug), slug);
    }

    private static string SlugGeneratorFor(string title) => Core.Content.SlugGenerator.Generate(title);

    private static async Task<IDocument> SaveAsync(HttpClient client, int postId, Dictionary<string, string> fields)
    {
        var editor = await client.GetDocumentAsync($"/admin/posts/{postId}/edit");
        using var response = await client.SubmitAsync(editor.Form(".editor-form"), fields, "button[value=save]");
        return await Html.ParseAsync(response);
    }

    /// <summary>Posts a sign-off of the pending changes as they are (their real fingerprint), though the page offers no form.</summary>
    private async Task<HttpResponseMessage> PostSignOffAsync(HttpClient client, int postId, IDocument page)
    {
        var fingerprint = await factory.WithDbAsync(db => db.Posts.Where(p => p.Id == postId)
            .Select(p => db.PostRevisions.Where(r => r.Id == p.PendingRevisionId).Select(r => r.ContentHash).First()).SingleAsync());
        var token = page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        return await client.PostAsync($"/admin/posts/{postId}/sign-off", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["fingerprint"] = fingerprint!,
        }));
    }

    private static void AddHidden(IHtmlFormElement form, string name, string value)
    {
        var input = (IHtmlInputElement)form.Owner!.CreateElement("input");
        input.Type = "hidden";
        input.Name = name;
        input.Value = value;
        form.AppendChild(input);
    }

    private static JsonElement JsonLd(IDocument page) =>
        JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement[0];

    private static string Squash(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Day(DateTime at) => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Task<DateTime?> PendingSignOffAsync(int postId) =>
        factory.WithDbAsync(db => db.Posts.Where(p => p.Id == postId)
            .Select(p => db.PostRevisions.Where(r => r.Id == p.PendingRevisionId).Select(r => r.ReviewedAt).FirstOrDefault())
            .SingleAsync());

    private Task<List<string>> AuditAsync(int postId) =>
        factory.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "Post" && a.EntityId == postId.ToString(CultureInfo.InvariantCulture))
            .OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());

    private Task<int> PostIdAsync(string slug) =>
        factory.WithDbAsync(db => db.Posts.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync());

    private Task<int> AuthorIdAsync(string email) =>
        factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.AuthorId!.Value).SingleAsync());

    private Task<int> AuthorSlugIdAsync(string slug) =>
        factory.WithDbAsync(db => db.Authors.Where(a => a.Slug == slug).Select(a => a.Id).SingleAsync());

    private async Task EnsureStaffAsync()
    {
        if (await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == Alice)))
        {
            return;
        }

        await factory.CreateStaffAsync(Alice, Password, StaffRoles.Author, "Alice Author");
        await factory.CreateStaffAsync(Ed, Password, StaffRoles.Editor, "Ed Editor");
        foreach (var (email, name, credentials) in new[] { (Rita, "Dr Rita Reyes", "MD, psychiatrist"), (Sam, "Dr Sam Ortiz", "MD, anaesthetist") })
        {
            var reviewer = await factory.CreateStaffAsync(email, Password, StaffRoles.Reviewer, name);
            await factory.WithDbAsync(db => db.Authors.Where(a => a.Id == reviewer).ExecuteUpdateAsync(s => s.SetProperty(a => a.Credentials, credentials)));
        }

        var dual = await factory.CreateStaffAsync(Dual, Password, StaffRoles.Editor, "Dr Dana Dual");
        await factory.WithDbAsync(db => db.Authors.Where(a => a.Id == dual).ExecuteUpdateAsync(s => s.SetProperty(a => a.Credentials, "MD")));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            Assert.True((await users.AddToRoleAsync((await users.FindByEmailAsync(Dual))!, StaffRoles.Reviewer)).Succeeded);
        }

        // A clinician without a login, whose sign-offs editors record.
        await factory.WithDbAsync(async db =>
        {
            db.Authors.Add(new Author { DisplayName = "Dr Noor Khan", Slug = "dr-noor-khan", Credentials = "MD, family medicine" });
            await db.SaveChangesAsync();
        });
    }
}

/// <summary>With review not required, edits go live at once, and the page and its JSON-LD stop claiming a
/// review that does not cover the text.</summary>
public sealed class MedicalReviewOffTests(MedicalReviewOffTests.Factory factory) : IClassFixture<MedicalReviewOffTests.Factory>
{
    public sealed class Factory : BlogFactory
    {
        public override FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Blog:Posts:RequireReview"] = "false" };
    }

    [Fact]
    public async Task An_edit_goes_live_and_the_page_says_it_is_not_reviewed_since()
    {
        await factory.WithDbAsync(async db =>
        {
            db.Authors.Add(new Author { DisplayName = "Dr Lee Park", Slug = "dr-lee-park", Credentials = "MD" });
            await db.SaveChangesAsync();
        });
        var reviewerId = await factory.WithDbAsync(db => db.Authors.Where(a => a.Slug == "dr-lee-park").Select(a => a.Id).SingleAsync());
        using var admin = await factory.SignedInAdminAsync();
        var editor = await admin.GetDocumentAsync("/admin/posts/new");
        using (await admin.SubmitAsync(editor.Form(".editor-form"), new Dictionary<string, string>
        {
            ["Title"] = "Unreviewed edits",
            ["Body"] = "Take 50 mg.",
            ["ReviewerId"] = reviewerId.ToString(CultureInfo.InvariantCulture),
            ["ReviewedAt"] = factory.Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Status"] = "Published",
        }, "button[value=save]"))
        {
        }

        using var reader = factory.CreateBrowserlikeClient();
        var reviewed = await reader.GetDocumentAsync("/posts/unreviewed-edits");
        factory.Clock.Advance(TimeSpan.FromDays(1));
        using var nextDay = await factory.SignedInAdminAsync();
        var id = await factory.WithDbAsync(db => db.Posts.Where(p => p.Slug == "unreviewed-edits").Select(p => p.Id).SingleAsync());
        var form = (await nextDay.GetDocumentAsync($"/admin/posts/{id}/edit")).Form(".editor-form");
        using (await nextDay.SubmitAsync(form, new Dictionary<string, string> { ["Body"] = "Take 75 mg." }, "button[value=save]"))
        {
        }

        var edited = await reader.GetDocumentAsync("/posts/unreviewed-edits");
        var jsonLd = JsonDocument.Parse(edited.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement[0];

        Assert.NotNull(reviewed.QuerySelector(".reviewed"));
        Assert.Equal("Take 75 mg.", edited.QuerySelector(".post-body")!.TextContent.Trim());
        Assert.Null(edited.QuerySelector(".reviewed"));
        Assert.Equal("This article has not yet been medically reviewed since it was last updated.", edited.QuerySelector(".review-stale")!.TextContent);
        Assert.DoesNotContain("Medically reviewed by", edited.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.False(jsonLd.TryGetProperty("reviewedBy", out _));
        Assert.False(jsonLd.TryGetProperty("lastReviewed", out _));
        Assert.Contains("Last updated", edited.QuerySelector(".post-header .meta")!.TextContent, StringComparison.Ordinal);
    }
}
