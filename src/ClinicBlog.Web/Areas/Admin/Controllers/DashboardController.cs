using ClinicBlog.Core.Dashboard;
using ClinicBlog.Core.Security;
using Microsoft.AspNetCore.Mvc;

namespace ClinicBlog.Web.Areas.Admin.Controllers;

/// <summary>The staff home: how many posts are in each state and how many comments wait for a moderator.</summary>
public sealed class DashboardController(StaffDashboardQuery dashboard, StaffContext staff) : StaffController
{
    [HttpGet("/admin")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var editor = await staff.MemberAsync(User, cancellationToken);
        return View(await dashboard.GetCountsAsync(await staff.MemberAsync(User, cancellationToken), StaffPermissions.ReadsEveryPost(editor), cancellationToken));
    }
}
