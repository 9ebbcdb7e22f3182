using ClinicBlog.Core.Authors;
using ClinicBlog.Core.Dashboard;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ClinicBlog.Web.Areas.Admin.Controllers;

/// <summary>The staff home: how many posts are in each state and how many comments wait for a moderator.</summary>
[Area("Admin")]
[Authorize(Roles = StaffRoles.AnyStaff)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class DashboardController(StaffDashboardQuery dashboard, StaffContext staff) : Controller
{
    [HttpGet("/admin")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await dashboard.GetCountsAsync(await staff.ModeratorAsync(User, cancellationToken), cancellationToken));
}
