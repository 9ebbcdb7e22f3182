using ClinicBlog.Core.Posts;
using ClinicBlog.Core.Reviews;
using ClinicBlog.Core.Security;
using ClinicBlog.Web.Areas.Admin.Models;
using ClinicBlog.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ClinicBlog.Web.Areas.Admin.Controllers;

/// <summary>Medical review of a post's text: what changed since the last sign-off, signing it off, and
/// publishing or discarding a live post's pending changes.</summary>
[Route("admin/posts/{id:int}")]
public sealed class PostReviewsController(PostReviewService reviews, PostAdminQuery posts, StaffContext staff, IAuthorizationService authorization) : StaffController
{
    [HttpGet("review")]
    public async Task<IActionResult> Review(int id, [FromQuery] string? done, CancellationToken cancellationToken)
    {
        var editor = await staff.MemberAsync(User, cancellationToken);
        var page = await reviews.PageAsync(editor, id, cancellationToken);
        if (page is null)
        {
            return NotFound();
        }

        var saved = await posts.FindAsync(id, cancellationToken);
        return saved is not null && await authorization.MayAsync(User, PostOperation.Open, saved.Facts)
            ? View(new ReviewViewModel(page, done == "signed-off" ? "Signed off: your review covers exactly the text below." : null, null))
            : Forbid();
    }

    [HttpPost("sign-off")]
    public async Task<IActionResult> SignOff(int id, [FromForm] string? fingerprint, CancellationToken cancellationToken)
    {
        var editor = await staff.MemberAsync(User, cancellationToken);
        var result = await reviews.SignOffAsync(editor, id, fingerprint, cancellationToken);
        return result.Outcome switch
        {
            ReviewOutcome.Done => RedirectToAction(nameof(Review), new { id, done = "signed-off" }),
            ReviewOutcome.NotFound => NotFound(),
            ReviewOutcome.Forbidden => Forbid(),
            _ => await AgainAsync(editor, id, result, StatusCodes.Status403Forbidden, cancellationToken),
        };
    }

    [HttpPost("changes/publish")]
    public async Task<IActionResult> Publish(int id, [FromForm] int? revision, CancellationToken cancellationToken)
    {
        var editor = await staff.MemberAsync(User, cancellationToken);
        var result = await reviews.PublishChangesAsync(editor, id, revision, cancellationToken);
        return result.Outcome switch
        {
            ReviewOutcome.Done => RedirectToAction(nameof(PostsController.Edit), "Posts", new { id, done = "changes-published" }),
            ReviewOutcome.NotFound => NotFound(),
            ReviewOutcome.Forbidden => Forbid(),
            _ => await AgainAsync(editor, id, result, StatusCodes.Status400BadRequest, cancellationToken),
        };
    }

    [HttpPost("changes/discard")]
    public async Task<IActionResult> Discard(int id, [FromForm] int? revision, CancellationToken cancellationToken)
    {
        var editor = await staff.MemberAsync(User, cancellationToken);
        var result = await reviews.DiscardChangesAsync(editor, id, revision, cancellationToken);
        return result.Outcome switch
        {
            ReviewOutcome.Done => RedirectToAction(nameof(PostsController.Edit), "Posts", new { id, done = "changes-discarded" }),
            ReviewOutcome.NotFound => NotFound(),
            ReviewOutcome.Forbidden => Forbid(),
            _ => await AgainAsync(editor, id, result, StatusCodes.Status400BadRequest, cancellationToken),
        };
    }

    /// <summary>The review page again, as things are now, saying why nothing happened: 409 when the text
    /// changed meanwhile, else <paramref name="refusedStatus"/> (403 for a sign-off the reviewer may not
    /// give, 400 for changes not signed off yet).</summary>
    private async Task<IActionResult> AgainAsync(StaffMember editor, int id, ReviewResult result, int refusedStatus, CancellationToken cancellationToken)
    {
        var page = await reviews.PageAsync(editor, id, cancellationToken);
        if (page is null)
        {
            return NotFound();
        }

        Response.StatusCode = result.Outcome == ReviewOutcome.Stale ? StatusCodes.Status409Conflict : refusedStatus;
        return View(nameof(Review), new ReviewViewModel(page, null, result.Message));
    }
}
