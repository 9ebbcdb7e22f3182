using SkiaSharp;

namespace ClinicBlog.Core.Media;

/// <summary>The narrower copies of an upload (480, 960 and 1600 pixels wide, never wider than the
/// original) that pages offer with <c>srcset</c>. The original is served unchanged (decision 0004); the
/// copies are decoded and re-encoded by SkiaSharp, upright (the EXIF orientation applied) and without
/// any metadata. GIFs (often animated) and pictures over <see cref="MaxPixels"/> get no copies.</summary>
public static class ImageVariants
{
    public static readonly IReadOnlyList<int> Widths = [480, 960, 1600];

    /// <summary>Decoding is refused above this many pixels (a decompression bomb would need gigabytes).</summary>
    public const long MaxPixels = 50_000_000;

    private const int Quality = 82;

    /// <summary>One copy: its size and its encoded bytes, in the original's format.</summary>
    public sealed record Copy(int Width, int Height, byte[] Bytes);

    /// <summary>The copies of a cleaned upload; none when it cannot or need not be resized.</summary>
    public static IReadOnlyList<Copy> Create(CleanImage image, ImageInfo info)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(info);
        var format = info.ContentType switch
        {
            "image/jpeg" => SKEncodedImageFormat.Jpeg,
            "image/png" => SKEncodedImageFormat.Png,
            "image/webp" => SKEncodedImageFormat.Webp,
            _ => (SKEncodedImageFormat?)null,
        };
        var shownWidth = image.IsTurned ? info.Height : info.Width;
        if (format is null || (long)info.Width * info.Height > MaxPixels || !Widths.Any(w => w < shownWidth))
        {
            return [];
        }

        using var decoded = SKBitmap.Decode(image.Bytes);
        if (decoded is null)
        {
            return [];
        }

        using var upright = Upright(decoded, image.Orientation);
        var copies = new List<Copy>();
        foreach (var width in Widths.Where(w => w < upright.Width))
        {
            var height = Math.Max(1, (int)Math.Round(upright.Height * (double)width / upright.Width));
            using var resized = upright.Resize(new SKImageInfo(width, height, upright.ColorType, upright.AlphaType, upright.ColorSpace), new SKSamplingOptions(SKCubicResampler.Mitchell));
            if (resized is null)
            {
                return [];
            }

            using var encoded = resized.Encode(format.Value, Quality);
            if (encoded is null)
            {
                return [];
            }

            copies.Add(new Copy(width, height, encoded.ToArray()));
        }

        return copies;
    }

    /// <summary>The picture as it is shown: turned and mirrored as its EXIF orientation (1–8) says.</summary>
    private static SKBitmap Upright(SKBitmap source, int orientation)
    {
        float w = source.Width;
        float h = source.Height;
        // Maps the stored picture onto the shown one: x' = a·x + b·y + c, y' = d·x + e·y + f.
        SKMatrix? matrix = orientation switch
        {
            2 => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
            3 => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
            4 => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
            5 => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            6 => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
            7 => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
            8 => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
            _ => null,
        };
        if (matrix is null)
        {
            return source.Copy();
        }

        var turned = orientation >= 5;
        var result = new SKBitmap(new SKImageInfo(turned ? source.Height : source.Width, turned ? source.Width : source.Height, source.ColorType, source.AlphaType, source.ColorSpace));
        using var canvas = new SKCanvas(result);
        canvas.SetMatrix(matrix.Value);
        using var picture = SKImage.FromBitmap(source);
        canvas.DrawImage(picture, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest));
        return result;
    }
}
