using ClinicBlog.Core;
using ClinicBlog.Core.Authors;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace ClinicBlog.Web.Controllers;

/// <summary>When <c>Blog:RequireTwoFactor</c> is on, staff pages send anyone without two-factor
/// sign-in to set it up first.</summary>
public sealed class TwoFactorRequirementFilter(IOptions<BlogOptions> options, UserManager<StaffUser> users) : IAsyncActionFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (options.Value.RequireTwoFactor
            && context.RouteData.Values["area"] is "Admin"
            && context.HttpContext.User.Identity?.IsAuthenticated == true
            && await users.GetUserAsync(context.HttpContext.User) is { TwoFactorEnabled: false })
        {
            context.Result = new RedirectResult("/account/two-factor");
            return;
        }

        await next();
    }
}
