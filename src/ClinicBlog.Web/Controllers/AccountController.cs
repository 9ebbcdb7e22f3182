using ClinicBlog.Core.Authors;
using ClinicBlog.Web.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace ClinicBlog.Web.Controllers;

/// <summary>Staff sign-in and sign-out.</summary>
[Route("account")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class AccountController(SignInManager<StaffUser> signIn, ILogger<AccountController> logger) : Controller
{
    internal const string WrongCredentials = "That email and password do not match a staff account.";
    internal const string LockedOut = "This account is locked after too many failed sign-in attempts. Try again in 15 minutes.";

    [HttpGet("login")]
    public IActionResult Login(string? returnUrl) =>
        View(new LoginViewModel { ReturnUrl = SafeReturnUrl(returnUrl) });

    [HttpPost("login")]
    public async Task<IActionResult> Login(LoginViewModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        model.ReturnUrl = SafeReturnUrl(model.ReturnUrl);
        if (!ModelState.IsValid)
        {
            return View(model);
        }

        var result = await signIn.PasswordSignInAsync(model.Email.Trim(), model.Password, model.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("Staff member signed in");
            return LocalRedirect(model.ReturnUrl ?? "/admin");
        }

        // The same words for an unknown email and a wrong password: the form must not reveal who has an account.
        ModelState.AddModelError(string.Empty, result.IsLockedOut ? LockedOut : WrongCredentials);
        model.Password = string.Empty;
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
