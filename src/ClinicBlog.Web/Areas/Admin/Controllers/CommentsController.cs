using ClinicBlog.Core;
using ClinicBlog.Core.Comments;
using ClinicBlog.Core.Security;
using ClinicBlog.Web.Areas.Admin.Models;
using ClinicBlog.Web.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace ClinicBlog.Web.Areas.Admin.Controllers;

/// <summary>The moderation queue. Admins and Editors moderate every comment; Authors and Reviewers
/// the comments on their own posts (anything else is a 403).</summary>
[Route("admin/comments")]
public sealed class CommentsController(
    ModerationQueueQuery queue,
    CommentModerationService moderation,
    StaffContext staff,
    IOptions<CommentOptions> options) : StaffController
{
    private const int PageSize = 25;

    [HttpGet("")]
    public async Task<IActionResult> Index(
        [FromQuery] string? status, [FromQuery] string? page, [FromQuery] string? done, CancellationToken cancellationToken)
    {
        if (!TryParseStatus(status, out var selected) || !PageNumber.TryRead(page, out var number))
        {
            return NotFound();
        }

        var who = await staff.MemberAsync(User, cancellationToken);
        var list = await queue.ListAsync(who, selected, number, PageSize, cancellationToken);
        if (list.IsOutOfRange)
        {
            return RedirectToAction(nameof(Index), new { status = selected.ToString() });
        }

        return View(new ModerationQueueViewModel(selected, await queue.CountsAsync(who, cancellationToken), list, Notices.For(done)));
    }

    /// <summary>One comment in its tab of the queue: where staff notifications link to.</summary>
    [HttpGet("{id:int}")]
    public async Task<IActionResult> Show(int id, [FromQuery] string? done, CancellationToken cancellationToken)
    {
        var comment = await FindAsync(id, cancellationToken);
        if (comment is null)
        {
            return NotFound();
        }

        var who = await staff.MemberAsync(User, cancellationToken);
        return View(nameof(Index), new ModerationQueueViewModel(
            comment.Status, await queue.CountsAsync(who, cancellationToken), new([comment], 1, 1, 1), Notices.For(done), SingleComment: true));
    }

    [HttpGet("{id:int}/redact")]
    public async Task<IActionResult> Redact(int id, CancellationToken cancellationToken)
    {
        var comment = await FindAsync(id, cancellationToken);
        return comment is null ? NotFound() : View(new RedactionViewModel(comment, null));
    }

    /// <summary>Replaces a passage of the comment's text with "[removed by moderator]".</summary>
    [HttpPost("{id:int}/redact")]
    public async Task<IActionResult> Redact(int id, [FromForm] string? passage, CancellationToken cancellationToken)
    {
        var who = await staff.MemberAsync(User, cancellationToken);
        var result = await moderation.RedactAsync(who, id, passage, cancellationToken);
        if (result.Succeeded)
        {
            return RedirectToAction(nameof(Show), new { id, done = Notices.CommentRedacted });
        }

        // A comment this moderator may not touch answers as one that does not exist.
        return result.Kind == ResultKind.Invalid && this.Refusal(result) is null
            ? View(new RedactionViewModel((await FindAsync(id, cancellationToken))!, passage))
            : NotFound();
    }

    /// <summary>Bulk action on the ticked comments (the buttons under the list).</summary>
    [HttpPost("")]
    public Task<IActionResult> ModerateSelected([FromForm] string? action, [FromForm] int[]? ids, [FromForm] string? status, CancellationToken cancellationToken) =>
        ActAsync(action, ids ?? [], status, cancellationToken);

    /// <summary>Action on one comment (the buttons on its row).</summary>
    [HttpPost("{id:int}/moderate")]
    public Task<IActionResult> ModerateOne(int id, [FromForm] string? action, [FromForm] string? status, CancellationToken cancellationToken) =>
        ActAsync(action, [id], status, cancellationToken);

    [HttpGet("delete")]
    public async Task<IActionResult> ConfirmDelete([FromQuery] int[] ids, [FromQuery] string? status, CancellationToken cancellationToken)
    {
        var who = await staff.MemberAsync(User, cancellationToken);
        var comments = await queue.FindAsync(who, ids, cancellationToken);
        if (comments.Count == 0)
        {
            return RedirectToAction(nameof(Index), new { status, done = Notices.CommentsNone });
        }

        if (comments.Count < ids.Distinct().Count())
        {
            return Forbid();
        }

        return View(new DeleteConfirmationViewModel(comments, TryParseStatus(status, out var s) ? s : CommentStatus.Pending));
    }

    [HttpPost("delete")]
    public async Task<IActionResult> Delete([FromForm] int[] ids, [FromForm] string? status, CancellationToken cancellationToken)
    {
        var who = await staff.MemberAsync(User, cancellationToken);
        var result = await moderation.ApplyAsync(who, ModerationAction.Delete, ids, cancellationToken);
        return Moderated(result, ModerationAction.Delete, status);
    }

    [HttpGet("{id:int}/reply")]
    public async Task<IActionResult> Reply(int id, CancellationToken cancellationToken)
    {
        var comment = await FindAsync(id, cancellationToken);
        return comment is null ? NotFound() : View(await ReplyPageAsync(comment, new StaffReplyForm(), new BanForm(), cancellationToken));
    }

    [HttpPost("{id:int}/reply")]
    public async Task<IActionResult> Reply(int id, [FromForm] StaffReplyForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var comment = await FindAsync(id, cancellationToken);
        if (comment is null)
        {
            return NotFound();
        }

        var canned = options.Value.EffectiveCannedReplies;
        var body = form.Canned is { } index && index >= 0 && index < canned.Count ? canned[index].Text : form.Body?.Trim();
        if (string.IsNullOrEmpty(body) || body.Length > CommentOptions.MaxBodyLength)
        {
            ModelState.AddModelError(nameof(StaffReplyForm.Body), string.IsNullOrEmpty(body)
                ? "Write a reply or choose a ready-made one."
                : "A reply can be at most 5,000 characters.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(await ReplyPageAsync(comment, form, new BanForm(), cancellationToken));
        }

        var who = await staff.MemberAsync(User, cancellationToken);
        var result = await moderation.ReplyAsStaffAsync(who, id, body, cancellationToken);
        return this.Answer(result, () => RedirectToAction(nameof(Index), new { status = comment.Status.ToString(), done = Notices.CommentReplied }));
    }

    [HttpPost("{id:int}/ban")]
    [Authorize(Roles = StaffPermissions.Bans)]
    public async Task<IActionResult> Ban(int id, [FromForm] BanForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var who = await staff.MemberAsync(User, cancellationToken);

        if (!form.TryReadDays(out var days))
        {
            var comment = await FindAsync(id, cancellationToken);
            if (comment is null)
            {
                return NotFound();
            }

            ModelState.AddModelError(CommentModerationService.DaysField, CommenterBan.DaysMessage);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(nameof(Reply), await ReplyPageAsync(comment, new StaffReplyForm(), form, cancellationToken));
        }

        var reason = form.Reason?.Trim();
        var result = await moderation.BanSenderAsync(who, id, reason?.Length > CommenterBan.ReasonMaxLength ? reason[..CommenterBan.ReasonMaxLength] : reason, days, cancellationToken);
        return this.Answer(result, () => RedirectToAction(nameof(Index), new { done = Notices.SenderBanned }));
    }

    private async Task<StaffReplyViewModel> ReplyPageAsync(QueuedComment comment, StaffReplyForm reply, BanForm ban, CancellationToken cancellationToken) =>
        new(comment, options.Value.EffectiveCannedReplies, reply)
        {
            CanBan = StaffPermissions.ActsOnEverything(await staff.MemberAsync(User, cancellationToken)),
            Ban = new BanFormViewModel(comment.Id, ban),
        };

    private async Task<IActionResult> ActAsync(string? action, int[] ids, string? status, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<ModerationAction>(action, ignoreCase: true, out var chosen) || !Enum.IsDefined(chosen))
        {
            return BadRequest();
        }

        if (ids.Length == 0)
        {
            return RedirectToAction(nameof(Index), new { status, done = Notices.CommentsNone });
        }

        if (chosen == ModerationAction.Delete)
        {
            // Deleting cannot be undone: ask first.
            return RedirectToAction(nameof(ConfirmDelete), new { ids, status });
        }

        var who = await staff.MemberAsync(User, cancellationToken);
        var result = await moderation.ApplyAsync(who, chosen, ids, cancellationToken);
        return Moderated(result, chosen, status);
    }

    /// <summary>Back to the queue, saying what happened; comments that are gone are "nothing selected".</summary>
    private IActionResult Moderated(Result result, ModerationAction action, string? status) =>
        result.Kind == ResultKind.NotFound
            ? RedirectToAction(nameof(Index), new { status, done = Notices.CommentsNone })
            : this.Answer(result, () => RedirectToAction(nameof(Index), new { status, done = Notices.Moderated(action) }));

    private async Task<QueuedComment?> FindAsync(int id, CancellationToken cancellationToken)
    {
        var who = await staff.MemberAsync(User, cancellationToken);
        return (await queue.FindAsync(who, [id], cancellationToken)).SingleOrDefault();
    }

    private static bool TryParseStatus(string? raw, out CommentStatus status)
    {
        status = CommentStatus.Pending;
        return string.IsNullOrEmpty(raw) || (Enum.TryParse(raw, ignoreCase: true, out status) && Enum.IsDefined(status));
    }
}
