using ClinicBlog.Core.Audit;
using ClinicBlog.Core.Data;
using ClinicBlog.Core.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ClinicBlog.Web.Areas.Admin.Controllers;

/// <summary>Download a consistent copy of the database, taken while the blog serves (Admin only).</summary>
[Route("admin/backup")]
[Authorize(Roles = StaffPermissions.SiteAdministration)]
public sealed class BackupController(BlogDatabase database, BlogDbContext db, IAuditLog audit, StaffContext staff, TimeProvider clock) : StaffController
{
    [HttpGet("")]
    public IActionResult Index() => View(database);

    [HttpPost("")]
    public async Task<IActionResult> Download(CancellationToken cancellationToken)
    {
        if (!database.IsSqlite)
        {
            // PostgreSQL is backed up with its own tools (pg_dump): the page says so, there is no file to give.
            return View(nameof(Index), database);
        }

        var now = clock.GetUtcNow();
        var file = Path.Combine(Path.GetTempPath(), $"clinicblog-backup-{Guid.NewGuid():N}.db");
        await DatabaseBackup.WriteAsync(database.ConnectionString, file, cancellationToken);
        var me = await staff.MemberAsync(User, cancellationToken);
        audit.Record(AuditAction.DatabaseBackupDownloaded, me.UserId);
        await db.SaveChangesAsync(cancellationToken);
        // The temporary copy goes away once the download is closed.
        var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        return File(stream, "application/vnd.sqlite3", $"clinicblog-{now:yyyyMMdd-HHmmss}.db");
    }
}
