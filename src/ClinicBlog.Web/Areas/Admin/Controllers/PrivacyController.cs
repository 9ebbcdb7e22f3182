using System.Globalization;
using System.Text.Json;
using ClinicBlog.Core.Audit;
using ClinicBlog.Core.Comments;
using ClinicBlog.Core.Data;
using ClinicBlog.Core.Security;
using ClinicBlog.Web.Areas.Admin.Models;
using ClinicBlog.Web.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ClinicBlog.Web.Areas.Admin.Controllers;

/// <summary>Commenters' data requests (Admin only): find what is stored with an email address,
/// download it as JSON, or erase it. Addresses travel in POST bodies only, never in URLs or logs.</summary>
[Route("admin/privacy")]
[Authorize(Roles = StaffPermissions.SiteAdministration)]
public sealed class PrivacyController(CommenterPersonalData data, StaffContext staff, BlogDbContext db, IAuditLog audit, TimeProvider clock) : StaffController
{
    private static readonly JsonSerializerOptions ExportFormat = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    [HttpGet("")]
    public IActionResult Index([FromQuery] string? done, [FromQuery] int? count)
    {
        ViewData["Message"] = Notices.For(done, count);
        return View(new DataRequestViewModel(new DataRequestForm(), null));
    }

    [HttpPost("find")]
    public async Task<IActionResult> Find([FromForm] DataRequestForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!ModelState.IsValid)
        {
            return Refused(form, null);
        }

        return View(nameof(Index), new DataRequestViewModel(form, await data.CountAsync(form.Email!, cancellationToken)));
    }

    [HttpPost("export")]
    public async Task<IActionResult> Export([FromForm] DataRequestForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!ModelState.IsValid)
        {
            return Refused(form, null);
        }

        var comments = await data.ExportAsync(form.Email!, cancellationToken);
        var me = await staff.MemberAsync(User, cancellationToken);
        audit.Record(AuditAction.CommenterExported, me.UserId, details: string.Create(CultureInfo.InvariantCulture, $"{comments.Count} comment(s) of one commenter"));
        await db.SaveChangesAsync(cancellationToken);
        var export = new { exportedAt = clock.GetUtcNow().UtcDateTime, comments };
        var name = string.Create(CultureInfo.InvariantCulture, $"comments-export-{clock.GetUtcNow():yyyyMMdd-HHmmss}.json");
        return File(JsonSerializer.SerializeToUtf8Bytes(export, ExportFormat), "application/json", name);
    }

    [HttpPost("erase")]
    public async Task<IActionResult> Erase([FromForm] DataRequestForm form, [FromForm] string? mode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!Enum.TryParse<EraseMode>(mode, ignoreCase: true, out var chosen) || !Enum.IsDefined(chosen))
        {
            ModelState.AddModelError("Mode", "Choose whether to anonymise or delete the comments.");
        }

        if (!ModelState.IsValid)
        {
            return Refused(form, ModelState.GetFieldValidationState(nameof(form.Email)) == ModelValidationState.Valid
                ? await data.CountAsync(form.Email!, cancellationToken)
                : null, mode);
        }

        var me = await staff.MemberAsync(User, cancellationToken);
        var count = await data.EraseAsync(me.UserId, form.Email!, chosen, cancellationToken);
        return RedirectToAction(nameof(Index), new { done = chosen == EraseMode.Delete ? Notices.CommenterDeleted : Notices.CommenterAnonymised, count });
    }

    /// <summary>The form again, with the messages next to the fields and what was typed kept.</summary>
    private ViewResult Refused(DataRequestForm form, int? found, string? mode = null)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(nameof(Index), new DataRequestViewModel(form, found, mode));
    }
}
