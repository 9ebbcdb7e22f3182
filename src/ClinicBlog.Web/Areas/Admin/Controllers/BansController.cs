using ClinicBlog.Core;
using ClinicBlog.Core.Comments;
using ClinicBlog.Core.Security;
using ClinicBlog.Web.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ClinicBlog.Web.Areas.Admin.Controllers;

/// <summary>The list of banned commenters, for Admins and Editors, who moderate every post.</summary>
[Route("admin/bans")]
[Authorize(Roles = StaffPermissions.Bans)]
public sealed class BansController(ModerationQueueQuery queue, CommentModerationService moderation, StaffContext staff) : StaffController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await queue.ActiveBansAsync(cancellationToken));

    [HttpPost("{id:int}/lift")]
    public async Task<IActionResult> Lift(int id, CancellationToken cancellationToken)
    {
        var who = await staff.MemberAsync(User, cancellationToken);
        return this.Answer(await moderation.LiftBanAsync(who, id, cancellationToken), () => RedirectToAction(nameof(Index)));
    }
}
