using System.Globalization;
using ClinicBlog.Core.Audit;
using ClinicBlog.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace ClinicBlog.Core.Media;

/// <summary>Stores staff image uploads: checks the bytes (not the name), caps the size, generates the
/// file name, and records the file so the editor can offer it.</summary>
public sealed class MediaLibrary(BlogDbContext db, MediaStorage storage, IAuditLog audit, TimeProvider clock)
{
    /// <summary>The largest upload accepted, in bytes (5 MB).</summary>
    public const long MaxBytes = 5 * 1024 * 1024;

    /// <summary>The upload form's file field, which refusals are given for.</summary>
    public const string FileField = "file";

    private const string NotAnImage = "That file is not a JPEG, PNG, WebP or GIF image (its content was checked, not just its name).";

    public async Task<Result<MediaFile>> UploadAsync(Stream content, long length, string originalName, string? userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (length <= 0)
        {
            return Result.Invalid(FileField, "Choose an image file to upload.").As<MediaFile>();
        }

        if (length > MaxBytes)
        {
            return Result.Invalid(FileField, string.Create(CultureInfo.InvariantCulture, $"The image is {length / 1024.0 / 1024.0:0.0} MB; the limit is 5 MB.")).As<MediaFile>();
        }

        using var buffer = new MemoryStream((int)length);
        await content.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length > MaxBytes)
        {
            return Result.Invalid(FileField, "The image is larger than 5 MB.").As<MediaFile>();
        }

        var info = ImageInspector.Inspect(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        if (info is null)
        {
            return Result.Invalid(FileField, NotAnImage).As<MediaFile>();
        }

        // Served without its EXIF, GPS, XMP and comments: the clinic's photos must not say where or when they were taken.
        var clean = ImageMetadata.Strip(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), info.ContentType);
        if (clean is null || ImageInspector.Inspect(clean.Bytes) is null)
        {
            return Result.Invalid(FileField, NotAnImage).As<MediaFile>();
        }

        var fileName = Guid.NewGuid().ToString("N") + info.Extension;
        Directory.CreateDirectory(storage.Directory);
        var path = Path.Combine(storage.Directory, fileName);
        await File.WriteAllBytesAsync(path, clean.Bytes, cancellationToken);

        // Smaller copies for phones and narrow columns, beside the original (which is served unchanged).
        var copies = ImageVariants.Create(clean, info);
        foreach (var copy in copies)
        {
            await File.WriteAllBytesAsync(Path.Combine(storage.Directory, ResponsiveImage.CopyName(fileName, copy.Width)), copy.Bytes, cancellationToken);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var file = new MediaFile
        {
            FileName = fileName,
            OriginalName = Path.GetFileName(originalName ?? "image").Trim() is { Length: > 0 } name ? name[..Math.Min(name.Length, 255)] : "image",
            ContentType = info.ContentType,
            Length = clean.Bytes.Length,
            // A photo turned a quarter by its orientation shows with its width and height swapped.
            Width = clean.IsTurned ? info.Height : info.Width,
            Height = clean.IsTurned ? info.Width : info.Height,
            VariantWidths = string.Join(',', copies.Select(c => c.Width.ToString(CultureInfo.InvariantCulture))),
            CreatedAt = now,
            UploadedById = userId,
        };
        db.MediaFiles.Add(file);
        audit.Record(AuditAction.MediaUploaded, userId, fileName);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Of(file);
    }

    public Task<List<MediaListItem>> RecentAsync(int count, CancellationToken cancellationToken) =>
        db.MediaFiles.AsNoTracking().OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Take(count)
            .Select(m => new MediaListItem(m.FileName, m.OriginalName, m.Width, m.Height, m.CreatedAt, m.VariantWidths))
            .ToListAsync(cancellationToken);

    /// <summary>The uploaded images a Markdown text shows, by file name, with their sizes and copies.</summary>
    public Task<IReadOnlyDictionary<string, ResponsiveImage>> ImagesInAsync(string? markdown, CancellationToken cancellationToken) =>
        db.ImagesInAsync(markdown, cancellationToken);

    public Task<MediaFile?> FindAsync(string fileName, CancellationToken cancellationToken) =>
        db.MediaFiles.AsNoTracking().SingleOrDefaultAsync(m => m.FileName == fileName, cancellationToken);
}
