using ClinicBlog.Core.Media;
using SkiaSharp;

namespace ClinicBlog.Core.Tests;

/// <summary>The smaller copies of an upload: the widths made, upright for every EXIF orientation, and
/// none where none are wanted.</summary>
public sealed class ImageVariantsTests
{
    // Where the stored picture's top-left corner is shown, for each EXIF orientation.
    [Theory]
    [InlineData(1, "top-left")]
    [InlineData(2, "top-right")]
    [InlineData(3, "bottom-right")]
    [InlineData(4, "bottom-left")]
    [InlineData(5, "top-left")]
    [InlineData(6, "top-right")]
    [InlineData(7, "bottom-right")]
    [InlineData(8, "bottom-left")]
    public void Copies_are_upright_for_every_orientation(int orientation, string corner)
    {
        var stored = Png(1200, 800);
        var info = ImageInspector.Inspect(stored)!;

        var copies = ImageVariants.Create(new CleanImage(stored, orientation), info);

        var turned = orientation >= 5;
        Assert.Equal(turned ? [480] : [480, 960], copies.Select(c => c.Width));
        using var copy = SKBitmap.Decode(copies[0].Bytes);
        Assert.Equal((480, turned ? 720 : 320), (copy.Width, copy.Height));
        var (x, y) = corner switch
        {
            "top-left" => (10, 10),
            "top-right" => (copy.Width - 10, 10),
            "bottom-right" => (copy.Width - 10, copy.Height - 10),
            _ => (10, copy.Height - 10),
        };
        Assert.True(copy.GetPixel(x, y).Red > 200, $"orientation {orientation}: {corner} is {copy.GetPixel(x, y)}");
        Assert.True(copy.GetPixel(copy.Width / 2, copy.Height / 2).Blue > 200);
    }

    [Fact]
    public void Small_pictures_and_gifs_get_no_copies()
    {
        var small = Png(400, 300);
        Assert.Empty(ImageVariants.Create(new CleanImage(small, 1), ImageInspector.Inspect(small)!));

        var gif = Convert.FromBase64String("R0lGODlhAwACAIAAAP///wAAACH5BAEAAAAALAAAAAADAAIAAAICjF8AOw==");
        Assert.Empty(ImageVariants.Create(new CleanImage(gif, 1), new ImageInfo("image/gif", ".gif", 3000, 2000)));
    }

    [Fact]
    public void A_picture_claiming_more_pixels_than_the_limit_is_not_decoded()
    {
        var stored = Png(1200, 800);
        Assert.Empty(ImageVariants.Create(new CleanImage(stored, 1), new ImageInfo("image/png", ".png", 10_000, 10_000)));
    }

    /// <summary>A blue picture with a red block in its stored top-left corner.</summary>
    private static byte[] Png(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Blue);
            using var red = new SKPaint { Color = SKColors.Red };
            canvas.DrawRect(0, 0, width / 6f, height / 6f, red);
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
