using ClinicBlog.Core.Audit;
using ClinicBlog.Core.Security;
using ClinicBlog.Web.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ClinicBlog.Web.Areas.Admin.Controllers;

/// <summary>The audit log of staff actions (Admin only).</summary>
[Route("admin/audit")]
[Authorize(Roles = StaffPermissions.SiteAdministration)]
public sealed class AuditController(AuditLogQuery audit) : StaffController
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] string? page, CancellationToken cancellationToken) =>
        PageNumber.TryRead(page, out var number) ? View(await audit.ListAsync(number, 50, cancellationToken)) : NotFound();
}
