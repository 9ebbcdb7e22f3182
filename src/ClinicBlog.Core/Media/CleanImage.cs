namespace ClinicBlog.Core.Media;

/// <summary>An uploaded image without what it says about where, when and with what it was taken.</summary>
/// <param name="Bytes">The image as it will be served.</param>
/// <param name="Orientation">The EXIF orientation (1 to 8) the picture is shown with; 1 when none was set.</param>
public sealed record CleanImage(byte[] Bytes, int Orientation)
{
    /// <summary>True when the picture is shown turned a quarter (its width and height swap on screen).</summary>
    public bool IsTurned => Orientation is >= 5 and <= 8;
}
