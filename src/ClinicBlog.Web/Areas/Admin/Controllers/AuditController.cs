using ClinicBlog.Core.Audit;
using ClinicBlog.Core.Authors;
using ClinicBlog.Web.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ClinicBlog.Web.Areas.Admin.Controllers;

/// <summary>The audit log of staff actions (Admin only).</summary>
[Area("Admin")]
[Route("admin/audit")]
[Authorize(Roles = StaffRoles.Admin)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class AuditController(AuditLogQuery audit) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] string? page, CancellationToken cancellationToken) =>
        PageNumber.TryRead(page, out var number) ? View(await audit.ListAsync(number, 50, cancellationToken)) : NotFound();
}
