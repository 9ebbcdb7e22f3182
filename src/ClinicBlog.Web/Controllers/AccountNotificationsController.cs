using ClinicBlog.Core.Audit;
using ClinicBlog.Core.Authors;
using ClinicBlog.Web.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace ClinicBlog.Web.Controllers;

/// <summary>A staff member's own choice of email notifications.</summary>
[Route("account/notifications")]
[Authorize]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class AccountNotificationsController(UserManager<StaffUser> users, IAuditLog audit) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] string? done)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        ViewData["Message"] = Notices.For(done);
        return View(new NotificationChoices
        {
            UrgentComments = user.NotifyUrgentComments,
            HeldComments = user.NotifyHeldComments,
            ApprovedComments = user.NotifyApprovedComments,
        });
    }

    [HttpPost("")]
    public async Task<IActionResult> Save([FromForm] NotificationChoices choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        user.NotifyUrgentComments = choices.UrgentComments;
        user.NotifyHeldComments = choices.HeldComments;
        user.NotifyApprovedComments = choices.ApprovedComments;
        // Recorded first: the user manager's save writes the choices and their audit entry together.
        audit.Record(AuditAction.AccountNotificationsChanged, user.Id, user.Id,
            $"urgent {OnOff(choices.UrgentComments)}, digest {OnOff(choices.HeldComments)}, approvals {OnOff(choices.ApprovedComments)}");
        await users.UpdateAsync(user);
        return RedirectToAction(nameof(Index), new { done = Notices.NotificationChoicesSaved });
    }

    private static string OnOff(bool on) => on ? "on" : "off";
}
