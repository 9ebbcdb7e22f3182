using System.Net;
using AngleSharp.Dom;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using MetadataExtractor.Formats.Iptc;
using MetadataExtractor.Formats.Jpeg;
using MetadataExtractor.Formats.Xmp;
using Microsoft.EntityFrameworkCore;

namespace ClinicBlog.Web.Tests;

/// <summary>An uploaded photo is served without what it says about where, when and with what it was
/// taken; its picture and its orientation stay as they were. Read back with MetadataExtractor.</summary>
public sealed class ImageMetadataTests(BlogFactory factory) : IClassFixture<BlogFactory>
{
    public static TheoryData<string, string> Photos => new()
    {
        { "photo.jpg", "image/jpeg" },
        { "screenshot.png", "image/png" },
        { "picture.webp", "image/webp" },
    };

    [Theory]
    [MemberData(nameof(Photos))]
    public async Task An_uploaded_photo_loses_its_location_and_every_other_note(string name, string type)
    {
        var original = Original(type);
        Assert.NotEmpty(Read(original).OfType<GpsDirectory>()); // the fixture really carries a location
        Assert.NotEmpty(Read(original).OfType<XmpDirectory>());
        using var admin = await factory.SignedInAdminAsync();

        using var uploaded = await admin.UploadImageAsync(original, name, type);
        var url = SnippetUrl(await Html.ParseAsync(uploaded));
        var served = await factory.CreateBrowserlikeClient().GetByteArrayAsync(url);
        var stored = await File.ReadAllBytesAsync(Path.Combine(factory.DataDirectory, "uploads", Path.GetFileName(url)));

        Assert.Equal(served, stored);
        var metadata = Read(served);
        Assert.Empty(metadata.OfType<GpsDirectory>());
        Assert.Empty(metadata.OfType<XmpDirectory>());
        Assert.Empty(metadata.OfType<IptcDirectory>());
        Assert.Empty(metadata.OfType<JpegCommentDirectory>());
        Assert.Empty(metadata.OfType<ExifSubIfdDirectory>());
        Assert.All(metadata.OfType<ExifIfd0Directory>(), ifd0 => Assert.False(ifd0.ContainsTag(ExifDirectoryBase.TagMake), "the camera's make survived"));
        Assert.Equal(-1, System.Text.Encoding.ASCII.GetString(served).IndexOf(Images.Secret, StringComparison.Ordinal));
        Assert.Equal(-1, System.Text.Encoding.ASCII.GetString(served).IndexOf("GPSLatitude", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_jpeg_keeps_its_picture_and_its_orientation_and_is_listed_the_right_way_round()
    {
        var original = Images.JpegWithLocation();
        using var admin = await factory.SignedInAdminAsync();

        using var uploaded = await admin.UploadImageAsync(original, "portrait.jpg", "image/jpeg");
        var url = SnippetUrl(await Html.ParseAsync(uploaded));
        var served = await factory.CreateBrowserlikeClient().GetByteArrayAsync(url);
        var ifd0 = Assert.Single(Read(served).OfType<ExifIfd0Directory>());
        var file = await factory.WithDbAsync(db => db.MediaFiles.SingleAsync(m => m.FileName == Path.GetFileName(url)));

        Assert.Equal(Images.JpegScan(original), Images.JpegScan(served));
        Assert.Equal(6, ifd0.GetInt32(ExifDirectoryBase.TagOrientation));
        Assert.Equal((2, 4), (file.Width, file.Height));
        Assert.Equal(served.Length, file.Length);
        Assert.Equal([0xFF, 0xD9], served[^2..]);
    }

    [Fact]
    public async Task A_photo_whose_structure_cannot_be_followed_is_refused_not_stored_as_it_is()
    {
        var broken = Images.JpegWithLocation();
        broken[4] = 0x7F; // the JFIF segment now claims to run far past the end of the file
        using var admin = await factory.SignedInAdminAsync();
        var before = await factory.WithDbAsync(db => db.MediaFiles.CountAsync());

        using var refused = await admin.UploadImageAsync(broken, "broken.jpg", "image/jpeg");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.StartsWith("That file is not a JPEG, PNG, WebP or GIF image", (await Html.ParseAsync(refused)).QuerySelector("#file-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await factory.WithDbAsync(db => db.MediaFiles.CountAsync()));
    }

    private static byte[] Original(string type) => type switch
    {
        "image/jpeg" => Images.JpegWithLocation(),
        "image/png" => Images.PngWithLocation(),
        _ => Images.WebPWithLocation(),
    };

    private static IReadOnlyList<MetadataExtractor.Directory> Read(byte[] image)
    {
        using var stream = new MemoryStream(image);
        return ImageMetadataReader.ReadMetadata(stream);
    }

    private static string SnippetUrl(IDocument page)
    {
        var snippet = page.QuerySelector("[data-snippet]")!.TextContent;
        return snippet[(snippet.IndexOf('(', StringComparison.Ordinal) + 1)..^1];
    }

}
