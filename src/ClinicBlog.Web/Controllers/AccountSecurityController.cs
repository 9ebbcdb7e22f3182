using System.Text.Encodings.Web;
using ClinicBlog.Core;
using ClinicBlog.Core.Audit;
using ClinicBlog.Core.Authors;
using ClinicBlog.Core.Data;
using ClinicBlog.Web.Hosting;
using ClinicBlog.Web.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using QRCoder;

namespace ClinicBlog.Web.Controllers;

/// <summary>A staff member's own security: password and two-factor sign-in with an authenticator app.
/// The authenticator key is shown only while two-factor sign-in is being set up; turning it off or
/// moving to a new key needs the current password and a current code.</summary>
[Route("account")]
[Authorize]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class AccountSecurityController(
    UserManager<StaffUser> users,
    SignInManager<StaffUser> signIn,
    BlogDbContext db,
    IAuditLog audit,
    IOptions<BlogOptions> options) : Controller
{
    [HttpGet("security")]
    public async Task<IActionResult> Index([FromQuery] string? done)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        return View(Page(user, Notices.For(done)));
    }

    [HttpPost("password")]
    public async Task<IActionResult> ChangePassword([Bind(Prefix = "Password")] ChangePasswordViewModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (ModelState.IsValid)
        {
            var result = await users.ChangePasswordAsync(user, model.CurrentPassword, model.NewPassword);
            if (result.Succeeded)
            {
                if (user.MustChangePassword)
                {
                    user.MustChangePassword = false;
                    await users.UpdateAsync(user);
                }

                await signIn.RefreshSignInAsync(user);
                await RecordAsync(AuditAction.AccountPasswordChanged, user.Id);
                return RedirectToAction(nameof(Index), new { done = Notices.PasswordChanged });
            }

            foreach (var error in result.Errors)
            {
                var field = error.Code == "PasswordMismatch" ? "Password.CurrentPassword" : "Password.NewPassword";
                ModelState.AddModelError(field, error.Code == "PasswordMismatch" ? "That is not your current password." : error.Description);
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(nameof(Index), Page(user, null));
    }

    [HttpGet("two-factor")]
    public async Task<IActionResult> Setup()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        // Once two-factor sign-in is on, its key is never shown again (a borrowed session must not copy it).
        if (user.TwoFactorEnabled)
        {
            return RedirectToAction(nameof(Index));
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // A new key renews the security stamp; renew the cookie too, or the next request signs out.
            await users.ResetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        return View(BuildSetup(user, key!));
    }

    [HttpPost("two-factor")]
    [EnableRateLimiting(IdentitySetup.SignInRateLimitPolicy)]
    public async Task<IActionResult> Setup(TwoFactorSetupViewModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (user.TwoFactorEnabled)
        {
            return RedirectToAction(nameof(Index));
        }

        if (ModelState.IsValid && await IsCurrentCodeAsync(user, model.Code))
        {
            await users.SetTwoFactorEnabledAsync(user, true);
            await signIn.RefreshSignInAsync(user);
            await RecordAsync(AuditAction.AccountTwoFactorEnabled, user.Id);
            return RedirectToAction(nameof(Index), new { done = Notices.TwoFactorOn });
        }

        ModelState.AddModelError(nameof(TwoFactorSetupViewModel.Code), "That code did not match. Check the time on your phone and enter the current code.");
        Response.StatusCode = StatusCodes.Status400BadRequest;
        var setup = BuildSetup(user, (await users.GetAuthenticatorKeyAsync(user))!);
        setup.Code = model.Code ?? string.Empty;
        return View(setup);
    }

    [HttpPost("two-factor/disable")]
    [EnableRateLimiting(IdentitySetup.SignInRateLimitPolicy)]
    public async Task<IActionResult> Disable([Bind(Prefix = "Off")] TwoFactorConfirmViewModel model)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (options.Value.RequireTwoFactor || !user.TwoFactorEnabled)
        {
            return RedirectToAction(nameof(Index));
        }

        if (!await ConfirmAsync(user, model, "Off"))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(nameof(Index), Page(user, null));
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        await RecordAsync(AuditAction.AccountTwoFactorDisabled, user.Id);
        return RedirectToAction(nameof(Index), new { done = Notices.TwoFactorOff });
    }

    /// <summary>A new phone: the old key stops working at once, and two-factor sign-in is set up again
    /// with a new key (it stays required where the blog requires it).</summary>
    [HttpPost("two-factor/reset")]
    [EnableRateLimiting(IdentitySetup.SignInRateLimitPolicy)]
    public async Task<IActionResult> ResetKey([Bind(Prefix = "Reset")] TwoFactorConfirmViewModel model)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!user.TwoFactorEnabled)
        {
            return RedirectToAction(nameof(Setup));
        }

        if (!await ConfirmAsync(user, model, "Reset"))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(nameof(Index), Page(user, null));
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        await RecordAsync(AuditAction.AccountTwoFactorKeyReset, user.Id);
        return RedirectToAction(nameof(Setup));
    }

    private async Task<bool> ConfirmAsync(StaffUser user, TwoFactorConfirmViewModel model, string prefix)
    {
        if (!ModelState.IsValid)
        {
            return false;
        }

        var passwordOk = await users.CheckPasswordAsync(user, model.CurrentPassword);
        var codeOk = await IsCurrentCodeAsync(user, model.Code);
        if (!passwordOk)
        {
            ModelState.AddModelError(prefix + "." + nameof(model.CurrentPassword), "That is not your current password.");
        }

        if (!codeOk)
        {
            ModelState.AddModelError(prefix + "." + nameof(model.Code), "That code did not match. Enter the code your app shows now.");
        }

        return passwordOk && codeOk;
    }

    private Task<bool> IsCurrentCodeAsync(StaffUser user, string? code) =>
        users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider,
            (code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal));

    private SecurityViewModel Page(StaffUser user, string? message) =>
        new(new ChangePasswordViewModel(), user.TwoFactorEnabled, options.Value.RequireTwoFactor, message)
        {
            MustChangePassword = user.MustChangePassword,
            Off = new TwoFactorConfirmForm(Url.Action(nameof(Disable))!, "Turn off two-factor sign-in", "Turn off"),
            Reset = new TwoFactorConfirmForm(Url.Action(nameof(ResetKey))!, "Move to a new phone (new key)", "Set up a new key"),
        };

    private TwoFactorSetupViewModel BuildSetup(StaffUser user, string key)
    {
        var issuer = UrlEncoder.Default.Encode(options.Value.Title);
        var uri = $"otpauth://totp/{issuer}:{UrlEncoder.Default.Encode(user.Email ?? user.UserName ?? "staff")}?secret={key}&issuer={issuer}&digits=6";
        using var qr = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        var png = new PngByteQRCode(qr).GetGraphic(6);
        return new TwoFactorSetupViewModel
        {
            SharedKey = string.Join(' ', key.ToLowerInvariant().Chunk(4).Select(c => new string(c))),
            QrCodeDataUrl = "data:image/png;base64," + Convert.ToBase64String(png),
        };
    }

    /// <summary>Identity's user manager has saved the change itself; its record follows it.</summary>
    private async Task RecordAsync(AuditAction action, string userId)
    {
        audit.Record(action, userId, userId);
        await db.SaveChangesAsync();
    }
}
