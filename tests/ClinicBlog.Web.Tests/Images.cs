namespace ClinicBlog.Web.Tests;

/// <summary>Real image bytes for upload tests.</summary>
public static class Images
{
    /// <summary>A valid 1×1 PNG.</summary>
    public static byte[] TinyPng { get; } = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    /// <summary>A valid 3×2 GIF.</summary>
    public static byte[] SmallGif { get; } = Convert.FromBase64String("R0lGODlhAwACAIAAAP///wAAACH5BAEAAAAALAAAAAADAAIAAAICjF8AOw==");
}
