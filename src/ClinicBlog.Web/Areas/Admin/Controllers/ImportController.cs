using ClinicBlog.Core.Security;
using ClinicBlog.Web.Areas.Admin.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ClinicBlog.Web.Areas.Admin.Controllers;

/// <summary>Import a WordPress export (Admin only): upload the file, follow the progress, read the report.
/// Images need the command line's <c>--uploads</c> (a folder cannot be uploaded here); the report lists them.</summary>
[Route("admin/import")]
[Authorize(Roles = StaffPermissions.SiteAdministration)]
public sealed class ImportController(ImportJobs jobs, StaffContext staff) : StaffController
{
    /// <summary>The largest export accepted here (about 10,000 articles with their comments is 120 MB).</summary>
    public const long MaxExportBytes = 512L * 1024 * 1024;

    private const string FileField = "file";

    [HttpGet("")]
    public IActionResult Index() => View(new ImportViewModel(null));

    [HttpPost("")]
    [RequestSizeLimit(MaxExportBytes + 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxExportBytes + 1024 * 1024)]
    public async Task<IActionResult> Import(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError(FileField, "Choose the WordPress export file (WordPress: Tools → Export → All content).");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(nameof(Index), new ImportViewModel(null));
        }

        var me = await staff.MemberAsync(User, cancellationToken);
        var path = Path.Combine(Path.GetTempPath(), $"clinicblog-import-{Guid.NewGuid():N}.xml");
        try
        {
            await using var copy = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous);
            await file.CopyToAsync(copy, cancellationToken);
        }
        catch
        {
            System.IO.File.Delete(path);
            throw;
        }

        var job = jobs.Start(path, me.UserId);
        return RedirectToAction(nameof(Job), new { id = job.Id });
    }

    /// <summary>The import's progress while it runs (the page asks again every two seconds), then its report.</summary>
    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Job(Guid id)
    {
        if (await jobs.FindAsync(id) is not { } job)
        {
            return NotFound();
        }

        var page = new ImportViewModel(job);
        if (page.Report is { Succeeded: false } failed)
        {
            ModelState.AddModelError(FileField, "Nothing was imported. " + failed.Failure);
        }

        return View(nameof(Index), page);
    }
}
