namespace ClinicBlog.Core.Media;

/// <summary>An uploaded image, stored under a generated name in the data directory's uploads folder.</summary>
public class MediaFile
{
    public int Id { get; set; }

    /// <summary>The generated file name, also its URL under /media/. Never the uploader's name.</summary>
    public required string FileName { get; set; }

    /// <summary>The uploader's file name, for staff to recognise it (never used on disk).</summary>
    public required string OriginalName { get; set; }

    public required string ContentType { get; set; }

    public long Length { get; set; }

    public int Width { get; set; }

    public int Height { get; set; }

    /// <summary>The widths of the smaller copies made at upload, e.g. "480,960" (<see cref="ImageVariants"/>); empty: none.</summary>
    public string VariantWidths { get; set; } = string.Empty;

    /// <summary>Where an import took this from (the old site and its id there, such as
    /// <c>oldclinic.example/post/123</c>), so importing the same export again recognises it.</summary>
    public string? ImportKey { get; set; }

    public DateTime CreatedAt { get; set; }

    public string? UploadedById { get; set; }
}
