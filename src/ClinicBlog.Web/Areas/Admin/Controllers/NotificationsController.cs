using ClinicBlog.Core.Data;
using ClinicBlog.Core.Notifications;
using ClinicBlog.Core.Security;
using ClinicBlog.Web.Areas.Admin.Models;
using ClinicBlog.Web.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClinicBlog.Web.Areas.Admin.Controllers;

/// <summary>Recent staff notifications and their delivery state; a test message (Admin only).</summary>
[Route("admin/notifications")]
[Authorize(Roles = StaffPermissions.SiteAdministration)]
public sealed class NotificationsController(
    BlogDbContext db,
    NotificationPlanner planner,
    NotificationSignal signal,
    StaffContext staff,
    TimeProvider clock,
    IOptions<SmtpOptions> smtp) : StaffController
{
    private const int Shown = 100;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] string? done, CancellationToken cancellationToken) =>
        View(await ModelAsync(new TestMessageForm { Email = await OwnEmailAsync(cancellationToken) }, done, cancellationToken));

    [HttpPost("test")]
    public async Task<IActionResult> Test([FromForm] TestMessageForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.Email = form.Email?.Trim();
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(nameof(Index), await ModelAsync(form, null, cancellationToken));
        }

        await planner.QueueTestAsync(form.Email!, clock.GetUtcNow().UtcDateTime, cancellationToken);
        signal.Wake();
        return RedirectToAction(nameof(Index), new { done = smtp.Value.IsConfigured ? Notices.TestMessageQueued : Notices.TestMessageRecorded });
    }

    [HttpPost("{id:int}/retry")]
    public async Task<IActionResult> Retry(int id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var queued = await db.Notifications.Where(n => n.Id == id && n.State == NotificationState.Failed)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.State, NotificationState.Queued).SetProperty(n => n.Attempts, 0).SetProperty(n => n.NextAttemptAt, now), cancellationToken);
        if (queued == 0)
        {
            return NotFound();
        }

        signal.Wake();
        return RedirectToAction(nameof(Index), new { done = Notices.MessageRetried });
    }

    private async Task<NotificationsViewModel> ModelAsync(TestMessageForm form, string? done, CancellationToken cancellationToken)
    {
        var recent = await db.Notifications.AsNoTracking()
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Take(Shown)
            .Select(n => new NotificationListItem(n.Id, n.CreatedAt, n.RecipientEmail, n.Subject, n.State, n.Attempts, n.LastError))
            .ToListAsync(cancellationToken);
        var message = Notices.For(done);
        return new NotificationsViewModel(recent, smtp.Value.IsConfigured ? $"{smtp.Value.Host}:{smtp.Value.Port}" : null, form, message);
    }

    private async Task<string?> OwnEmailAsync(CancellationToken cancellationToken)
    {
        var me = await staff.MemberAsync(User, cancellationToken);
        return await db.Users.Where(u => u.Id == me.UserId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
    }
}
