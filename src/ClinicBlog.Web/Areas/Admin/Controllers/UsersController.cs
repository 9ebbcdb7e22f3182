using ClinicBlog.Core;
using ClinicBlog.Core.Authors;
using ClinicBlog.Core.Posts;
using ClinicBlog.Core.Security;
using ClinicBlog.Web.Areas.Admin.Models;
using ClinicBlog.Web.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ClinicBlog.Web.Areas.Admin.Controllers;

/// <summary>Staff accounts (Admin only): create with a role and author profile, change, reset, lock.</summary>
[Route("admin/users")]
[Authorize(Roles = StaffPermissions.SiteAdministration)]
public sealed class UsersController(StaffAccountService accounts, PostAdminQuery posts, StaffContext staff) : StaffController
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] string? done, CancellationToken cancellationToken)
    {
        ViewData["Message"] = Notices.For(done);
        return View(await accounts.ListAsync(cancellationToken));
    }

    [HttpGet("new")]
    public Task<IActionResult> New(CancellationToken cancellationToken) => FormAsync(null, new StaffInput { Role = StaffRoles.Author }, cancellationToken);

    [HttpPost("new")]
    public async Task<IActionResult> New([FromForm] StaffInput input, CancellationToken cancellationToken)
    {
        var admin = await staff.MemberAsync(User, cancellationToken);
        var result = await accounts.CreateAsync(admin.UserId, input, cancellationToken);
        return result.Value is { } created
            ? View("Password", new OneTimePasswordViewModel(input.Email!.Trim(), created.OneTimePassword!, false))
            : this.Refusal(result) ?? await FormAsync(null, input, cancellationToken);
    }

    [HttpGet("{id}/edit")]
    public async Task<IActionResult> Edit(string id, CancellationToken cancellationToken) =>
        await accounts.FindAsync(id, cancellationToken) is { } found ? await FormAsync(id, found.Input, cancellationToken) : NotFound();

    [HttpPost("{id}/edit")]
    public async Task<IActionResult> Edit(string id, [FromForm] StaffInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var admin = await staff.MemberAsync(User, cancellationToken);
        var existing = await accounts.FindAsync(id, cancellationToken);
        if (existing is null)
        {
            return NotFound();
        }

        input.Email = existing.Value.Email;
        var result = await accounts.UpdateAsync(admin.UserId, id, input, cancellationToken);
        return result.Succeeded
            ? RedirectToAction(nameof(Index), new { done = Notices.AccountUpdated })
            : this.Refusal(result) ?? await FormAsync(id, input, cancellationToken);
    }

    [HttpPost("{id}/reset-password")]
    public async Task<IActionResult> ResetPassword(string id, CancellationToken cancellationToken)
    {
        var admin = await staff.MemberAsync(User, cancellationToken);
        var existing = await accounts.FindAsync(id, cancellationToken);
        var result = await accounts.ResetPasswordAsync(admin.UserId, id, cancellationToken);
        return existing is not null && result.Value is { } reset
            ? View("Password", new OneTimePasswordViewModel(existing.Value.Email, reset.OneTimePassword!, reset.StillLocked))
            : this.Answer(result, () => NotFound());
    }

    /// <summary>For a lost phone (or a key ring lost with a backup restore): two-factor sign-in goes off
    /// with its key, and the person sets it up again (at once where the blog requires it).</summary>
    [HttpPost("{id}/reset-two-factor")]
    public async Task<IActionResult> ResetTwoFactor(string id, CancellationToken cancellationToken)
    {
        var admin = await staff.MemberAsync(User, cancellationToken);
        var result = await accounts.ResetTwoFactorAsync(admin.UserId, id, cancellationToken);
        return this.Answer(result, () => RedirectToAction(nameof(Index), new { done = Notices.TwoFactorReset }));
    }

    [HttpPost("{id}/lock")]
    public Task<IActionResult> Lock(string id, CancellationToken cancellationToken) => SetLockedAsync(id, true, cancellationToken);

    [HttpPost("{id}/unlock")]
    public Task<IActionResult> Unlock(string id, CancellationToken cancellationToken) => SetLockedAsync(id, false, cancellationToken);

    private async Task<IActionResult> SetLockedAsync(string id, bool locked, CancellationToken cancellationToken)
    {
        var admin = await staff.MemberAsync(User, cancellationToken);
        var result = await accounts.SetLockedAsync(admin, id, locked, cancellationToken);
        if (result.Succeeded)
        {
            return RedirectToAction(nameof(Index), new { done = locked ? Notices.AccountLocked : Notices.AccountUnlocked });
        }

        return this.Refusal(result) ?? View(nameof(Index), await accounts.ListAsync(cancellationToken));
    }

    private async Task<IActionResult> FormAsync(string? id, StaffInput input, CancellationToken cancellationToken)
    {
        return View("Edit", new StaffFormViewModel(id, input, await posts.AuthorsAsync(cancellationToken)));
    }
}
