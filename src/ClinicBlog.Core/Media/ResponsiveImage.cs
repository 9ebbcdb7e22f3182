using System.Globalization;

namespace ClinicBlog.Core.Media;

/// <summary>An uploaded image as pages show it: its own size and the narrower copies made of it at
/// upload (<see cref="ImageVariants"/>), offered to browsers with <c>srcset</c> so a phone downloads a
/// copy near its screen's width rather than the original.</summary>
/// <param name="FileName">The original's file name under /media/.</param>
/// <param name="Width">The original's width in pixels, as shown (upright).</param>
/// <param name="Height">The original's height in pixels, as shown.</param>
/// <param name="VariantWidths">The widths of its copies, e.g. "480,960" (empty: none).</param>
public sealed record ResponsiveImage(string FileName, int Width, int Height, string VariantWidths)
{
    /// <summary>How wide an article image is shown: the text column (42rem) on wide screens, the
    /// screen less the page's side padding on phones.</summary>
    public const string Sizes = "(min-width: 44.5rem) 42rem, calc(100vw - 2.5rem)";

    /// <summary>The file name of the copy <paramref name="width"/> pixels wide: <c>name-480w.jpg</c>.</summary>
    public static string CopyName(string fileName, int width) =>
        string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileNameWithoutExtension(fileName)}-{width}w{Path.GetExtension(fileName)}");

    /// <summary>The <c>srcset</c> value (copies, then the original at its width), or null without copies.</summary>
    public static string? SrcsetFor(string fileName, int width, string? variantWidths)
    {
        var widths = (variantWidths ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => int.TryParse(w, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .Where(w => w > 0 && w < width)
            .ToList();
        return widths.Count == 0 || width <= 0
            ? null
            : string.Join(", ", widths.Select(w => string.Create(CultureInfo.InvariantCulture, $"/media/{CopyName(fileName, w)} {w}w"))
                .Append(string.Create(CultureInfo.InvariantCulture, $"/media/{fileName} {width}w")));
    }

    public string? Srcset => SrcsetFor(FileName, Width, VariantWidths);
}
