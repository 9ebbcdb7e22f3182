namespace ClinicBlog.Core.Media;

/// <summary>The result of an upload: the stored file, or why it was refused.</summary>
public sealed record UploadResult(MediaFile? File, string? Error);
