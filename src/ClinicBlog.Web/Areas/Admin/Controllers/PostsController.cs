using System.Globalization;
using ClinicBlog.Core;
using ClinicBlog.Core.Comments;
using ClinicBlog.Core.Content;
using ClinicBlog.Core.Media;
using ClinicBlog.Core.Posts;
using ClinicBlog.Core.Security;
using ClinicBlog.Web.Areas.Admin.Models;
using ClinicBlog.Web.Authorization;
using ClinicBlog.Web.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace ClinicBlog.Web.Areas.Admin.Controllers;

/// <summary>Writing, previewing, reviewing and publishing posts.</summary>
[Route("admin/posts")]
public sealed class PostsController(
    PostEditorService editing,
    PostAutosaveService autosaves,
    PostAdminQuery posts,
    MediaLibrary media,
    MarkdownRenderer renderer,
    StaffContext staff,
    IAuthorizationService authorization,
    IOptions<BlogOptions> blogOptions,
    IOptions<PostOptions> postOptions,
    ClinicTime clinicTime,
    TimeProvider clock) : StaffController
{
    private const int PageSize = 20;
    private const int ReviewDuePageSize = 50;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] string? status, [FromQuery] string? q, [FromQuery] string? page, [FromQuery] string? done, CancellationToken cancellationToken)
    {
        PostStatus? filter = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!Enum.TryParse<PostStatus>(status, true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return NotFound();
            }

            filter = parsed;
        }

        if (!PageNumber.TryRead(page, out var number))
        {
            return NotFound();
        }

        var editor = await staff.MemberAsync(User, cancellationToken);
        var search = q?.Trim() is { Length: > 0 and <= 200 } term ? term : null;
        var list = await posts.ListAsync(editor, filter, search, number, PageSize, cancellationToken);
        return View(new StaffPostListViewModel(list, filter, search, editor, Notices.For(done)));
    }

    [HttpGet("new")]
    public async Task<IActionResult> New([FromQuery] string? restore, CancellationToken cancellationToken)
    {
        var editor = await staff.MemberAsync(User, cancellationToken);
        var fresh = new PostInput { AuthorId = editor.AuthorId };
        // A new post written and never saved (the tab closed) is offered back, like an edit's autosave.
        var autosave = await autosaves.NewerThanSavedAsync(editor, null, cancellationToken);
        var page = await EditorPageAsync(null, restore == "autosave" && autosave is not null ? Restored(fresh, autosave) : fresh, editor, cancellationToken);
        page.Autosave = restore == "autosave" ? null : autosave;
        return View("Edit", page);
    }

    [HttpPost("new")]
    public Task<IActionResult> New([FromForm] PostInput input, [FromForm] string? intent, CancellationToken cancellationToken) =>
        SaveAsync(null, input, intent, cancellationToken);

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, [FromQuery] string? done, [FromQuery] string? restore, CancellationToken cancellationToken)
    {
        var editor = await staff.MemberAsync(User, cancellationToken);
        var saved = await posts.FindAsync(id, cancellationToken);
        if (saved is null)
        {
            return NotFound();
        }

        if (!await authorization.MayAsync(User, PostOperation.Open, saved.Facts))
        {
            return Forbid();
        }

        var autosave = await autosaves.NewerThanSavedAsync(editor, id, cancellationToken);
        var page = await EditorPageAsync(id, restore == "autosave" && autosave is not null ? Restored(saved.Input, autosave) : saved.Input, editor, cancellationToken);
        page.Autosave = restore == "autosave" ? null : autosave;
        page.OthersEditing = await autosaves.OthersEditingAsync(editor, id, cancellationToken);
        var message = done == Notices.PostSaved && saved.PendingRevisionId is not null
            ? "Saved as changes awaiting review: readers see the published text until a reviewer signs the changes off and they are published."
            : Notices.For(done);
        page.Saved = saved;
        page.Message = message;
        return View(page);
    }

    [HttpPost("{id:int}/edit")]
    public Task<IActionResult> Edit(int id, [FromForm] PostInput input, [FromForm] string? intent, CancellationToken cancellationToken) =>
        SaveAsync(id, input, intent, cancellationToken);

    /// <summary>The editor's autosave (its script posts the form every few seconds of idle typing): keeps
    /// the typed text for this staff member only; the post, its pending changes and its review stay as they are.</summary>
    [HttpPost("{id:int}/autosave")]
    public Task<IActionResult> Autosave(int id, [FromForm] PostInput input, CancellationToken cancellationToken) =>
        AutosaveAsync(id, input, cancellationToken);

    /// <summary>The autosave of a new post not saved yet: kept for this staff member until they save it.</summary>
    [HttpPost("new/autosave")]
    public Task<IActionResult> AutosaveNewPost([FromForm] PostInput input, CancellationToken cancellationToken) =>
        AutosaveAsync(null, input, cancellationToken);

    [HttpPost("{id:int}/autosave/discard")]
    public async Task<IActionResult> DiscardAutosave(int id, CancellationToken cancellationToken)
    {
        await autosaves.DiscardAsync(await staff.MemberAsync(User, cancellationToken), id, cancellationToken);
        return RedirectToAction(nameof(Edit), new { id });
    }

    [HttpPost("new/autosave/discard")]
    public async Task<IActionResult> DiscardNewAutosave(CancellationToken cancellationToken)
    {
        await autosaves.DiscardAsync(await staff.MemberAsync(User, cancellationToken), null, cancellationToken);
        return RedirectToAction(nameof(New));
    }

    /// <summary>The live preview beside the editor: its script posts the text a moment after typing stops
    /// and shows the answer, the article body from the public page's renderer and sanitizer with its checks.</summary>
    [HttpPost("live-preview")]
    public async Task<IActionResult> LivePreview([FromForm] string? body, CancellationToken cancellationToken)
    {
        if (body?.Length > Post.BodyMaxLength)
        {
            return StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var html = await RenderBodyAsync(body ?? string.Empty, cancellationToken);
        return PartialView("_LivePreview", new LivePreviewViewModel(HtmlIds.Prefixed(html, "live-"), WritingChecks.Of(html, postOptions.Value.TargetReadingGrade)));
    }

    [HttpPost("{id:int}/submit")]
    public async Task<IActionResult> Submit(int id, CancellationToken cancellationToken)
    {
        var result = await editing.SubmitForReviewAsync(await staff.MemberAsync(User, cancellationToken), id, cancellationToken);
        return this.Answer(result, () => RedirectToAction(nameof(Edit), new { id, done = Notices.PostSubmitted }));
    }

    [HttpPost("{id:int}/revisions/{revisionId:int}/restore")]
    public async Task<IActionResult> Restore(int id, int revisionId, CancellationToken cancellationToken)
    {
        var result = await editing.RestoreRevisionAsync(await staff.MemberAsync(User, cancellationToken), id, revisionId, cancellationToken);
        return this.Answer(result, () => RedirectToAction(nameof(Edit), new { id, done = Notices.PostRestored }));
    }

    [HttpGet("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken)
    {
        var saved = await posts.FindAsync(id, cancellationToken);
        if (saved is null)
        {
            return NotFound();
        }

        return await authorization.MayAsync(User, PostOperation.Delete, saved.Facts) ? View(saved) : Forbid();
    }

    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> DeleteConfirmed(int id, CancellationToken cancellationToken)
    {
        var result = await editing.DeleteAsync(await staff.MemberAsync(User, cancellationToken), id, cancellationToken);
        return this.Answer(result, () => RedirectToAction(nameof(Index), new { done = Notices.PostDeleted }));
    }

    [HttpGet("review-due")]
    [Authorize(Roles = StaffPermissions.ReviewQueue)]
    public async Task<IActionResult> ReviewDue([FromQuery] string? page, CancellationToken cancellationToken)
    {
        if (!PageNumber.TryRead(page, out var number))
        {
            return NotFound();
        }

        var due = await posts.ReviewDueAsync(number, ReviewDuePageSize, cancellationToken);
        // Past the end (reviews done since the link was made): the first page.
        return due.IsOutOfRange ? RedirectToAction(nameof(ReviewDue)) : View(due);
    }

    private async Task<IActionResult> SaveAsync(int? id, PostInput input, string? intent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        // Typed on the clinic's clock (Blog:TimeZone); stored in UTC.
        input.PublishAt = input.PublishAt is { } publishAt ? clinicTime.ToUtc(publishAt) : null;
        input.ReviewedAt = AsUtc(input.ReviewedAt);
        var editor = await staff.MemberAsync(User, cancellationToken);
        ModelState.Clear();

        if (intent == "preview")
        {
            var saved = id is null ? null : await posts.FindAsync(id.Value, cancellationToken);
            if (id is not null && saved is null)
            {
                return NotFound();
            }

            // The preview page shows the saved post beside the form: the same right as opening it.
            if (saved is not null && !await authorization.MayAsync(User, PostOperation.Open, saved.Facts))
            {
                return Forbid();
            }

            var page = await EditorPageAsync(id, input, editor, cancellationToken);
            page.Saved = saved;
            page.Preview = await PreviewAsync(input, page.Authors);
            page.Checks = WritingChecks.Of(page.Preview.Post.BodyHtml, postOptions.Value.TargetReadingGrade);
            return View("Edit", page);
        }

        var result = await editing.SaveAsync(editor, id, input, cancellationToken);
        if (result.Succeeded)
        {
            // Saved: the autosave of this editor is no longer ahead of the post (a new post's one is now the post).
            await autosaves.DiscardAsync(editor, id ?? result.Value, cancellationToken);
            if (id is null)
            {
                await autosaves.DiscardAsync(editor, null, cancellationToken);
            }
            return RedirectToAction(nameof(Edit), new { id = result.Value, done = Notices.PostSaved });
        }

        if (this.Refusal(result) is { } refused)
        {
            return refused;
        }

        var again = await EditorPageAsync(id, input, editor, cancellationToken);
        if (result.Kind == ResultKind.Conflict && await posts.ConflictAsync(id!.Value, cancellationToken) is { } conflict)
        {
            // Keep the other version's stamp: saving again (after merging) knowingly replaces it.
            again.ConcurrencyStamp = conflict.ConcurrencyStamp;
            again.Conflict = conflict;
            again.Saved = await posts.FindAsync(id.Value, cancellationToken);
            return View("Edit", again);
        }

        again.Saved = id is null ? null : await posts.FindAsync(id.Value, cancellationToken);
        return View("Edit", again);
    }

    private async Task<IActionResult> AutosaveAsync(int? id, PostInput input, CancellationToken cancellationToken)
    {
        var result = await autosaves.SaveAsync(await staff.MemberAsync(User, cancellationToken), id, input, cancellationToken);
        return result.Value is { } receipt
            ? Json(new { saved = "Saved · " + clinicTime.ToLocal(receipt.SavedAt).ToString("HH:mm", CultureInfo.InvariantCulture), others = receipt.OthersEditing })
            : this.Answer(result, () => NoContent());
    }

    /// <summary>The saved post's settings with the text fields of an autosave.</summary>
    private static PostInput Restored(PostInput saved, PostAutosave autosave)
    {
        var input = new PostInput();
        input.CopyFrom(saved);
        input.Title = autosave.Title;
        input.Slug = autosave.Slug;
        input.Summary = autosave.Summary;
        input.Body = autosave.Body;
        input.Tags = autosave.Tags;
        input.CoverImage = autosave.CoverImage;
        return input;
    }

    private async Task<PostEditorViewModel> EditorPageAsync(int? id, PostInput input, StaffMember editor, CancellationToken cancellationToken) =>
        new(id, input, editor,
            await posts.AuthorsAsync(cancellationToken),
            id is null ? [] : await posts.RevisionsAsync(id.Value, cancellationToken),
            await media.RecentAsync(12, cancellationToken));

    /// <summary>The post as the public page would show it: the same renderer, sanitizer and partial.</summary>
    private async Task<PostPageViewModel> PreviewAsync(PostInput input, IReadOnlyList<AuthorChoice> authors)
    {
        var author = authors.FirstOrDefault(a => a.Id == input.AuthorId) ?? (authors.Count > 0 ? authors[0] : null);
        var reviewer = authors.FirstOrDefault(a => a.Id == input.ReviewerId);
        var body = input.Body ?? string.Empty;
        var now = clock.GetUtcNow().UtcDateTime;
        var tags = (input.Tags ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => new TagLink(t, SlugGenerator.Generate(t))).Where(t => t.Slug.Length > 0).ToList();
        var coverFile = string.IsNullOrWhiteSpace(input.CoverImage) ? null : await media.FindAsync(input.CoverImage.Trim(), HttpContext.RequestAborted);
        var detail = new PostDetail(
            0, input.Title ?? string.Empty, input.Slug ?? string.Empty, input.Summary, await RenderBodyAsync(body, HttpContext.RequestAborted),
            input.PublishAt ?? now, now, ReadingTime.Minutes(body),
            new AuthorByline(author?.DisplayName ?? "Unknown author", author?.Slug ?? string.Empty, author?.Credentials),
            reviewer is null ? null : new AuthorByline(reviewer.DisplayName, reviewer.Slug, reviewer.Credentials),
            input.ReviewedAt, input.CommentsOpen, tags)
        {
            Cover = coverFile is null ? null : new CoverImage(coverFile.FileName, coverFile.Width, coverFile.Height, coverFile.VariantWidths),
        };
        var settings = blogOptions.Value;
        return new PostPageViewModel(detail, new CommentThread([], 0), settings.MedicalDisclaimer,
            settings.NeedsCrisisNotice(tags.Select(t => t.Name)) ? settings.CrisisNotice : null);
    }

    /// <summary>The body as the public page will show it, its uploaded images with their sizes and copies.</summary>
    private async Task<string> RenderBodyAsync(string body, CancellationToken cancellationToken) =>
        renderer.RenderPost(body, await media.ImagesInAsync(body, cancellationToken));

    private static DateTime? AsUtc(DateTime? value) =>
        value is { } v ? (v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc)) : null;
}
