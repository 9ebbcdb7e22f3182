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
        var who = await staff.MemberAsync(User, cancellationToken);
        Result<MediaFile> result;
        if (file is null)
        {
            result = Result.Invalid(MediaLibrary.FileField, "Choose an image file to upload.").As<MediaFile>();
        }
        else
        {
            await using var stream = file.OpenReadStream();
            result = await media.UploadAsync(stream, file.Length, file.FileName, who.UserId, cancellationToken);
        }

        if (result.Value is { } stored)
        {
            return RedirectToAction(nameof(Index), new { uploaded = stored.FileName });
        }

        return this.Refusal(result) ?? View(nameof(Index), new MediaLibraryViewModel(await media.RecentAsync(60, cancellationToken), null));
    }
}
