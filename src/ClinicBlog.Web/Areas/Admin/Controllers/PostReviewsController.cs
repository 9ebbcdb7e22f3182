using ClinicBlog.Core;
using ClinicBlog.Core.Posts;
using ClinicBlog.Core.Reviews;
using ClinicBlog.Core.Security;
using ClinicBlog.Web.Areas.Admin.Models;
using ClinicBlog.Web.Authorization;
using ClinicBlog.Web.Models;
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
            ? View(new ReviewViewModel(page, Notices.For(done), null))
            : Forbid();
    }

    [HttpPost("sign-off")]
    public async Task<IActionResult> SignOff(int id, [FromForm] string? fingerprint, CancellationToken cancellationToken)
    {
        var editor = await staff.MemberAsync(User, cancellationToken);
        var result = await reviews.SignOffAsync(editor, id, fingerprint, cancellationToken);
        return result.Succeeded
            ? RedirectToAction(nameof(Review), new { id, done = Notices.SignedOff })
            : await AgainAsync(editor, id, result, cancellationToken);
    }

    [HttpPost("changes/publish")]
    public async Task<IActionResult> Publish(int id, [FromForm] int? revision, CancellationToken cancellationToken)
    {
        var editor = await staff.MemberAsync(User, cancellationToken);
        var result = await reviews.PublishChangesAsync(editor, id, revision, cancellationToken);
        return result.Succeeded
            ? RedirectToAction(nameof(PostsController.Edit), "Posts", new { id, done = Notices.ChangesPublished })
            : await AgainAsync(editor, id, result, cancellationToken);
    }

    [HttpPost("changes/discard")]
    public async Task<IActionResult> Discard(int id, [FromForm] int? revision, CancellationToken cancellationToken)
    {
        var editor = await staff.MemberAsync(User, cancellationToken);
        var result = await reviews.DiscardChangesAsync(editor, id, revision, cancellationToken);
        return result.Succeeded
            ? RedirectToAction(nameof(PostsController.Edit), "Posts", new { id, done = Notices.ChangesDiscarded })
            : await AgainAsync(editor, id, result, cancellationToken);
    }

    /// <summary>The review page again, as things are now, saying why nothing happened (409 when the text
    /// changed meanwhile, 403 for a sign-off this reviewer may not give, 400 for changes not signed off
    /// yet); a refusal without a reason is the plain 404 or 403 page.</summary>
    private async Task<IActionResult> AgainAsync(StaffMember editor, int id, Result result, CancellationToken cancellationToken)
    {
        var reason = result.Errors.GetValueOrDefault(string.Empty);
        var page = reason is null ? null : await reviews.PageAsync(editor, id, cancellationToken);
        if (page is null)
        {
            return this.Answer(result, () => NotFound());
        }

        Response.StatusCode = result.Kind switch
        {
            ResultKind.Conflict => StatusCodes.Status409Conflict,
            ResultKind.Forbidden => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status400BadRequest,
        };
        return View(nameof(Review), new ReviewViewModel(page, null, reason));
    }
}
