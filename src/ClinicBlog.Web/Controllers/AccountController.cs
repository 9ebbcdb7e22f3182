using ClinicBlog.Core.Authors;
using ClinicBlog.Web.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using ClinicBlog.Web.Hosting;

namespace ClinicBlog.Web.Controllers;

/// <summary>Staff sign-in and sign-out.</summary>
[Route("account")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class AccountController(SignInManager<StaffUser> signIn, IPasswordHasher<StaffUser> hasher, ILogger<AccountController> logger) : Controller
{
    private static string? _decoyHash;

    internal const string WrongCredentials = "That email and password do not match a staff account.";
    internal const string LockedOut = "This account is locked after too many failed sign-in attempts. Try again in 15 minutes.";

    [HttpGet("login")]
    public IActionResult Login(string? returnUrl) =>
        View(new LoginViewModel { ReturnUrl = SafeReturnUrl(returnUrl) });

    [HttpPost("login")]
    [EnableRateLimiting(IdentitySetup.SignInRateLimitPolicy)]
    public async Task<IActionResult> Login(LoginViewModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        model.ReturnUrl = SafeReturnUrl(model.ReturnUrl);
        if (!ModelState.IsValid)
        {
            return View(model);
        }

        var user = await signIn.UserManager.FindByNameAsync(model.Email.Trim());
        if (user is null)
        {
            // Check the password against a decoy hash: an unknown email then takes as long to refuse as
            // a wrong password, so response times do not reveal who has an account.
            var decoy = new StaffUser();
            _decoyHash ??= hasher.HashPassword(decoy, Guid.NewGuid().ToString());
            hasher.VerifyHashedPassword(decoy, _decoyHash, model.Password);
        }

        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, model.Password, model.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("Staff member signed in");
            return LocalRedirect(model.ReturnUrl ?? "/admin");
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToAction(nameof(LoginTwoFactor), new { returnUrl = model.ReturnUrl, rememberMe = model.RememberMe });
        }

        // The same words for an unknown email and a wrong password: the form must not reveal who has an account.
        ModelState.AddModelError(string.Empty, result.IsLockedOut ? LockedOut : WrongCredentials);
        model.Password = string.Empty;
        return View(model);
    }

    [HttpGet("login-2fa")]
    public async Task<IActionResult> LoginTwoFactor(string? returnUrl, bool rememberMe)
    {
        // Only someone who has just given the right password has a pending two-factor sign-in.
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToAction(nameof(Login));
        }

        return View(new TwoFactorLoginViewModel { ReturnUrl = SafeReturnUrl(returnUrl), RememberMe = rememberMe });
    }

    [HttpPost("login-2fa")]
    [EnableRateLimiting(IdentitySetup.SignInRateLimitPolicy)]
    public async Task<IActionResult> LoginTwoFactor(TwoFactorLoginViewModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        model.ReturnUrl = SafeReturnUrl(model.ReturnUrl);
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToAction(nameof(Login));
        }

        if (!ModelState.IsValid)
        {
            return View(model);
        }

        var code = model.Code.Replace(" ", string.Empty, StringComparison.Ordinal);
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, model.RememberMe, model.RememberMachine);
        if (result.Succeeded)
        {
            logger.LogInformation("Staff member signed in with two-factor authentication");
            return LocalRedirect(model.ReturnUrl ?? "/admin");
        }

        ModelState.AddModelError(nameof(model.Code), result.IsLockedOut ? LockedOut : "That code is not right. Enter the current code from your app.");
        model.Code = string.Empty;
        return View(model);
    }

    [HttpPost("logout")]
    [Authorize]
    public async Task<IActionResult> Logout()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }

    [HttpGet("access-denied")]
    public IActionResult AccessDenied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View();
    }

    private string? SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : null;
}
