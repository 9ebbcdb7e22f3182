using ClinicBlog.Core.Authors;
using ClinicBlog.Core.Security;
using ClinicBlog.Web.Hosting;
using ClinicBlog.Web.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace ClinicBlog.Web.Controllers;

/// <summary>Staff sign-in and sign-out.</summary>
[Route("account")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class AccountController(
    SignInManager<StaffUser> signIn,
    IPasswordHasher<StaffUser> hasher,
    ISignInThrottle throttle,
    TimeProvider clock,
    ILogger<AccountController> logger) : Controller
{
    private static string? _decoyHash;

    internal const string WrongCredentials = "That email and password do not match a staff account.";
    internal const string LockedOut = "This account is locked after too many failed sign-in attempts. Try again in 15 minutes.";
    internal const string HeldBack = "Too many failed sign-ins with this email from your network. Wait 15 minutes, then try again.";
    internal const string LockedByAdmin = "This account is locked. Ask an administrator to unlock it.";

    [HttpGet("login")]
    public IActionResult Login(string? returnUrl) =>
        View(new LoginViewModel { ReturnUrl = SafeReturnUrl(returnUrl) });

    /// <summary>Checks the password first and only then anything about the account, and counts
    /// failures per client and email (<see cref="SignInThrottle"/>), never per account: the answer and
    /// the work done are the same whether or not the email belongs to someone, and a stranger's wrong
    /// guesses never lock the owner out.</summary>
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

        var email = model.Email.Trim();
        var client = ClientAddress.Key(HttpContext.Connection.RemoteIpAddress);
        if (await throttle.IsHeldBackAsync(client, email, HttpContext.RequestAborted))
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Refused(model, HeldBack);
        }

        var user = await signIn.UserManager.FindByNameAsync(email);
        if (user is null)
        {
            // Check the password against a decoy hash: an unknown email then takes as long to refuse as
            // a wrong password, so response times do not reveal who has an account.
            var decoy = new StaffUser();
            _decoyHash ??= hasher.HashPassword(decoy, Guid.NewGuid().ToString());
            hasher.VerifyHashedPassword(decoy, _decoyHash, model.Password);
        }

        if (user is null || !await signIn.UserManager.CheckPasswordAsync(user, model.Password))
        {
            await throttle.RecordFailureAsync(client, email, CancellationToken.None);
            return Refused(model, WrongCredentials);
        }

        // The password is right: from here on, saying why sign-in stops reveals nothing to a guesser.
        await throttle.ResetAsync(client, email, CancellationToken.None);
        var result = await signIn.PasswordSignInAsync(user, model.Password, model.RememberMe, lockoutOnFailure: false);
        if (result.Succeeded)
        {
            logger.LogInformation("Staff member signed in");
            return LocalRedirect(model.ReturnUrl ?? "/admin");
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToAction(nameof(LoginTwoFactor), new { returnUrl = model.ReturnUrl, rememberMe = model.RememberMe });
        }

        // An admin locks without end; Identity's own lockout (wrong two-factor codes) lasts 15 minutes.
        var lockedByAdmin = user.LockoutEnd > clock.GetUtcNow().AddDays(1);
        return Refused(model, !result.IsLockedOut ? WrongCredentials : lockedByAdmin ? LockedByAdmin : LockedOut);
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

    private ViewResult Refused(LoginViewModel model, string message)
    {
        ModelState.AddModelError(string.Empty, message);
        model.Password = string.Empty;
        return View(model);
    }

    private string? SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : null;
}
