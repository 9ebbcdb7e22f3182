using ClinicBlog.Core;
using ClinicBlog.Core.Media;
using ClinicBlog.Web.Areas.Admin.Models;
using ClinicBlog.Web.Models;
using Microsoft.AspNetCore.Mvc;

namespace ClinicBlog.Web.Areas.Admin.Controllers;

/// <summary>Image uploads for posts: the page lists recent images with the Markdown to paste.</summary>
[Route("admin/media")]
public sealed class MediaController(MediaLibrary media, StaffContext staff) : StaffController
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] string? uploaded, CancellationToken cancellationToken)
    {
        return View(new MediaLibraryViewModel(await media.RecentAsync(60, cancellationToken), uploaded));
    }

    [HttpPost("")]
    [RequestSizeLimit(MediaLibrary.MaxBytes + 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = MediaLibrary.MaxBytes + 1024 * 1024)]
    public async Task<IActionResult> Upload(IFormFile? file, CancellationToken cancellationToken)
    {
        var result = await StoreAsync(file, cancellationToken);
        if (result.Value is { } stored)
        {
            return RedirectToAction(nameof(Index), new { uploaded = stored.FileName });
        }

        return this.Refusal(result) ?? View(nameof(Index), new MediaLibraryViewModel(await media.RecentAsync(60, cancellationToken), null));
    }

    /// <summary>The media library for the editor's image dialog (its script asks for it).</summary>
    [HttpGet("library")]
    public async Task<IActionResult> Library(CancellationToken cancellationToken) =>
        Json((await media.RecentAsync(60, cancellationToken)).Select(m => new
        {
            url = "/media/" + m.FileName,
            thumbnail = "/media/" + m.ThumbnailName,
            name = m.OriginalName,
            width = m.Width,
            height = m.Height,
        }));

    /// <summary>An image pasted, dropped or chosen in the editor: the same checks as the upload form,
    /// answered in JSON (its address, or the refusal to show next to the file).</summary>
    [HttpPost("editor-upload")]
    [RequestSizeLimit(MediaLibrary.MaxBytes + 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = MediaLibrary.MaxBytes + 1024 * 1024)]
    public async Task<IActionResult> EditorUpload(IFormFile? file, CancellationToken cancellationToken)
    {
        var result = await StoreAsync(file, cancellationToken);
        if (result.Value is { } stored)
        {
            return Json(new { url = "/media/" + stored.FileName, width = stored.Width, height = stored.Height });
        }

        return result.Kind == ResultKind.Invalid
            ? BadRequest(new { error = result.Errors.Values.First() })
            : this.Refusal(result) ?? BadRequest();
    }

    private async Task<Result<MediaFile>> StoreAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        var who = await staff.MemberAsync(User, cancellationToken);
        if (file is null)
        {
            return Result.Invalid(MediaLibrary.FileField, "Choose an image file to upload.").As<MediaFile>();
        }

        await using var stream = file.OpenReadStream();
        return await media.UploadAsync(stream, file.Length, file.FileName, who.UserId, cancellationToken);
    }
}
