using ClinicBlog.Core;
using ClinicBlog.Core.Authors;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace ClinicBlog.Web.Controllers;

/// <summary>What a staff account must do before the staff pages (<c>StaffController</c>) open: replace a
/// generated or one-time password, then (when <c>Blog:RequireTwoFactor</c> is on) set up two-factor sign-in.</summary>
public sealed class AccountRequirementsFilter(IOptions<BlogOptions> options, UserManager<StaffUser> users) : IAsyncActionFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.HttpContext.User.Identity?.IsAuthenticated == true
            && await users.GetUserAsync(context.HttpContext.User) is { } user)
        {
            if (user.MustChangePassword)
            {
                context.Result = new RedirectResult("/account/security");
                return;
            }

            if (options.Value.RequireTwoFactor && !user.TwoFactorEnabled)
            {
                context.Result = new RedirectResult("/account/two-factor");
                return;
            }
        }

        await next();
    }
}
