using ClinicBlog.Core.Media;
using ClinicBlog.Core.Security;
using ClinicBlog.Core.Settings;
using ClinicBlog.Web.Areas.Admin.Models;
using ClinicBlog.Web.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ClinicBlog.Web.Areas.Admin.Controllers;

/// <summary>The blog's settings (Admins): name, description, publisher, logo, notices, policies and
/// comment defaults, applied to every page as soon as they are saved.</summary>
[Route("admin/settings")]
[Authorize(Roles = StaffPermissions.SiteAdministration)]
public sealed class SettingsController(SiteSettingsService settings, MediaLibrary media, StaffContext staff) : StaffController
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] string? done, CancellationToken cancellationToken) =>
        View(await PageAsync(settings.Current(), Notices.For(done), cancellationToken));

    [HttpPost("")]
    public async Task<IActionResult> Save([FromForm] SettingsInput input, CancellationToken cancellationToken)
    {
        var who = await staff.MemberAsync(User, cancellationToken);
        var result = await settings.SaveAsync(who.UserId, input, cancellationToken);
        if (result.Succeeded)
        {
            return RedirectToAction(nameof(Index), new { done = Notices.SettingsSaved });
        }

        return this.Refusal(result) ?? View(nameof(Index), await PageAsync(input, null, cancellationToken));
    }

    private async Task<SettingsViewModel> PageAsync(SettingsInput input, string? message, CancellationToken cancellationToken) =>
        new(input, settings.ForcedKeys(), await media.RecentAsync(60, cancellationToken)) { Message = message };
}
