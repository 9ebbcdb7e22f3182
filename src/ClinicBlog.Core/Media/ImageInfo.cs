namespace ClinicBlog.Core.Media;

/// <summary>What an image file really is, read from its bytes (never from its name).</summary>
public sealed record ImageInfo(string ContentType, string Extension, int Width, int Height);
