using System.Text.Encodings.Web;
using ClinicBlog.Core;
using ClinicBlog.Core.Authors;
using ClinicBlog.Core.Data;
using ClinicBlog.Web.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using QRCoder;

namespace ClinicBlog.Web.Controllers;

/// <summary>A staff member's own security: password and two-factor sign-in with an authenticator app.</summary>
[Route("account")]
[Authorize]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class AccountSecurityController(
    UserManager<StaffUser> users,
    SignInManager<StaffUser> signIn,
    BlogDbContext db,
    TimeProvider clock,
    IOptions<BlogOptions> options) : Controller
{
    [HttpGet("security")]
    public async Task<IActionResult> Index([FromQuery] string? done) =>
        View(new SecurityViewModel(new ChangePasswordViewModel(), await IsTwoFactorOnAsync(), options.Value.RequireTwoFactor, done switch
        {
            "password" => "Your password is changed.",
            "2fa-on" => "Two-factor sign-in is on. You will be asked for a code from your app when you sign in.",
            "2fa-off" => "Two-factor sign-in is off.",
            _ => null,
        }));

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
                await signIn.RefreshSignInAsync(user);
                await AuditAsync(user.Id, "account.password-changed");
                return RedirectToAction(nameof(Index), new { done = "password" });
            }

            foreach (var error in result.Errors)
            {
                var field = error.Code == "PasswordMismatch" ? "Password.CurrentPassword" : "Password.NewPassword";
                ModelState.AddModelError(field, error.Code == "PasswordMismatch" ? "That is not your current password." : error.Description);
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(nameof(Index), new SecurityViewModel(new ChangePasswordViewModel(), user.TwoFactorEnabled, options.Value.RequireTwoFactor, null));
    }

    [HttpGet("two-factor")]
    public async Task<IActionResult> Setup()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
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
    public async Task<IActionResult> Setup(TwoFactorSetupViewModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var code = (model.Code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        if (ModelState.IsValid && await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            await users.SetTwoFactorEnabledAsync(user, true);
            await signIn.RefreshSignInAsync(user);
            await AuditAsync(user.Id, "account.two-factor-enabled");
            return RedirectToAction(nameof(Index), new { done = "2fa-on" });
        }

        ModelState.AddModelError(nameof(TwoFactorSetupViewModel.Code), "That code did not match. Check the time on your phone and enter the current code.");
        Response.StatusCode = StatusCodes.Status400BadRequest;
        var setup = BuildSetup(user, (await users.GetAuthenticatorKeyAsync(user))!);
        setup.Code = model.Code ?? string.Empty;
        return View(setup);
    }

    [HttpPost("two-factor/disable")]
    public async Task<IActionResult> Disable()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (options.Value.RequireTwoFactor)
        {
            return RedirectToAction(nameof(Index));
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        await AuditAsync(user.Id, "account.two-factor-disabled");
        return RedirectToAction(nameof(Index), new { done = "2fa-off" });
    }

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

    private async Task<bool> IsTwoFactorOnAsync() => (await users.GetUserAsync(User))?.TwoFactorEnabled ?? false;

    private async Task AuditAsync(string userId, string action)
    {
        db.AuditEntries.Add(new Core.Audit.AuditEntry { At = clock.GetUtcNow().UtcDateTime, UserId = userId, Action = action, EntityType = "StaffUser", EntityId = userId });
        await db.SaveChangesAsync();
    }
}
