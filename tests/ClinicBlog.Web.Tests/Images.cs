using System.Buffers.Binary;
using System.Text;
using AngleSharp.Dom;

namespace ClinicBlog.Web.Tests;

/// <summary>Real image bytes for upload tests, and photos carrying the metadata a phone writes.</summary>
public static class Images
{
    /// <summary>A valid 1×1 PNG.</summary>
    public static byte[] TinyPng { get; } = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    /// <summary>A valid 3×2 GIF.</summary>
    public static byte[] SmallGif { get; } = Convert.FromBase64String("R0lGODlhAwACAIAAAP///wAAACH5BAEAAAAALAAAAAADAAIAAAICjF8AOw==");

    /// <summary>A valid 4×2 baseline JPEG with a JFIF header (encoded by Skia).</summary>
    public static byte[] SmallJpeg { get; } = Convert.FromBase64String(
        "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAMCAgMCAgMDAwMEAwMEBQgFBQQEBQoHBwYIDAoMDAsKCwsNDhIQDQ4RDgsLEBYQERMUFRUVDA8XGBYUGBIUFRT/2wBDAQMEBAUEBQkFBQkUDQsNFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBT/wAARCAACAAQDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAT/xAAfEAABAQkBAAAAAAAAAAAAAAAABQEDBAYHFiVRYZT/xAAVAQEBAAAAAAAAAAAAAAAAAAAHCP/EAB0RAAAFBQAAAAAAAAAAAAAAAAABAgQFMzVxcrH/2gAMAwEAAhEDEQA/AJqeycgWvC4RN8jvTOAAo91XXkwxwFqbaJ4Q/9k=");

    /// <summary>A valid 4×2 lossy WebP (simple format, encoded by Skia).</summary>
    public static byte[] SmallWebP { get; } = Convert.FromBase64String(
        "UklGRlwAAABXRUJQVlA4IFAAAACwAgCdASoEAAIAAMASJagCdLoB+ADMAMkABZtZdRAA/vTH0/dv4P2n3sav/0Nl26fLQvn0p61/5aF/8uT/0YFP/qb/Whor/owKf/U3/ouAAA==");

    /// <summary>Words that appear in the planted metadata and must not survive.</summary>
    public const string Secret = "Clinic back door, 12 Harbour Lane";

    private static readonly string Xmp =
        $"<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:exif=\"http://ns.adobe.com/exif/1.0/\" exif:GPSLatitude=\"51,30.5N\"><dc:description>{Secret}</dc:description></rdf:Description></rdf:RDF></x:xmpmeta>";

    /// <summary><see cref="SmallJpeg"/> as a phone would write it: EXIF with orientation 6, the camera's
    /// make, the time and GPS coordinates; XMP; IPTC; a comment; a multi-picture segment; and a second
    /// "image" after the end marker.</summary>
    public static byte[] JpegWithLocation()
    {
        var jfifEnd = 2 + 2 + BinaryPrimitives.ReadUInt16BigEndian(SmallJpeg.AsSpan(4));
        using var file = new MemoryStream();
        file.Write(SmallJpeg.AsSpan(0, jfifEnd));
        file.Write(Segment(0xE1, [.. "Exif\0\0"u8, .. ExifWithGps(orientation: 6)]));
        file.Write(Segment(0xE1, [.. "http://ns.adobe.com/xap/1.0/\0"u8, .. Encoding.UTF8.GetBytes(Xmp)]));
        file.Write(Segment(0xED, [.. "Photoshop 3.0\0"u8, .. Encoding.ASCII.GetBytes("8BIM" + Secret)]));
        file.Write(Segment(0xE2, [.. "MPF\0"u8, 0x4D, 0x4D, 0x00, 0x2A, 0, 0, 0, 8]));
        file.Write(Segment(0xFE, Encoding.ASCII.GetBytes(Secret)));
        file.Write(SmallJpeg.AsSpan(jfifEnd));
        file.Write(Encoding.ASCII.GetBytes("trailing copy: " + Secret));
        return file.ToArray();
    }

    /// <summary>A JPEG (with a JFIF header) given an EXIF orientation, as a camera held sideways writes it.</summary>
    public static byte[] WithOrientation(byte[] jpeg, int orientation)
    {
        ArgumentNullException.ThrowIfNull(jpeg);
        var jfifEnd = 2 + 2 + BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(4));
        return [.. jpeg.AsSpan(0, jfifEnd), .. Segment(0xE1, [.. "Exif\0\0"u8, .. ExifWithGps(orientation)]), .. jpeg.AsSpan(jfifEnd)];
    }

    /// <summary><see cref="TinyPng"/> with EXIF (GPS), a text comment and XMP in an iTXt chunk.</summary>
    public static byte[] PngWithLocation()
    {
        using var file = new MemoryStream();
        var afterHeader = 8 + 25; // signature + IHDR chunk
        file.Write(TinyPng.AsSpan(0, afterHeader));
        file.Write(PngChunk("eXIf", ExifWithGps(orientation: 1)));
        file.Write(PngChunk("tEXt", [.. "Comment\0"u8, .. Encoding.ASCII.GetBytes(Secret)]));
        file.Write(PngChunk("iTXt", [.. "XML:com.adobe.xmp\0\0\0\0\0"u8, .. Encoding.UTF8.GetBytes(Xmp)]));
        file.Write(TinyPng.AsSpan(afterHeader));
        return file.ToArray();
    }

    /// <summary><see cref="SmallWebP"/> in the extended format with EXIF (GPS) and XMP chunks.</summary>
    public static byte[] WebPWithLocation()
    {
        var image = SmallWebP.AsSpan(12).ToArray(); // the VP8 chunk
        byte[] vp8x = [.. "VP8X"u8, 10, 0, 0, 0, 0x0C, 0, 0, 0, 3, 0, 0, 1, 0, 0]; // EXIF and XMP flags; canvas 4×2
        var exif = RiffChunk("EXIF", ExifWithGps(orientation: 1));
        var xmp = RiffChunk("XMP ", Encoding.UTF8.GetBytes(Xmp));
        byte[] body = [.. "WEBP"u8, .. vp8x, .. image, .. exif, .. xmp];
        var header = new byte[8];
        "RIFF"u8.CopyTo(header);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), (uint)body.Length);
        return [.. header, .. body];
    }

    /// <summary>Uploads an image through the media page's form, as a staff member's browser does.</summary>
    public static async Task<HttpResponseMessage> UploadImageAsync(this HttpClient client, byte[] bytes, string name, string type)
    {
        ArgumentNullException.ThrowIfNull(client);
        var page = await client.GetDocumentAsync("/admin/media");
        var token = page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(type);
        content.Add(file, "file", name);
        content.Add(new StringContent(token), "__RequestVerificationToken");
        return await client.PostAsync("/admin/media", content);
    }

    /// <summary>The bytes from the JPEG's first scan to its end marker: the picture itself.</summary>
    public static byte[] JpegScan(byte[] jpeg)
    {
        var start = jpeg.AsSpan().IndexOf([(byte)0xFF, (byte)0xDA]);
        var end = jpeg.AsSpan().IndexOf([(byte)0xFF, (byte)0xD9]);
        return jpeg[start..(end + 2)];
    }

    /// <summary>A little-endian TIFF block: IFD0 with orientation, make, date and a GPS IFD.</summary>
    private static byte[] ExifWithGps(int orientation)
    {
        var tiff = new byte[200];
        var s = tiff.AsSpan();
        "II"u8.CopyTo(s);
        BinaryPrimitives.WriteUInt16LittleEndian(s[2..], 42);
        BinaryPrimitives.WriteUInt32LittleEndian(s[4..], 8);
        // IFD0 at 8: three entries.
        BinaryPrimitives.WriteUInt16LittleEndian(s[8..], 3);
        Entry(s, 10, 0x0112, 3, 1, (uint)orientation);      // Orientation
        Entry(s, 22, 0x010F, 2, 4, BinaryPrimitives.ReadUInt32LittleEndian("Acm\0"u8)); // Make
        Entry(s, 34, 0x8825, 4, 1, 60);                      // GPS IFD at 60
        BinaryPrimitives.WriteUInt32LittleEndian(s[46..], 0); // no next IFD
        // GPS IFD at 60: latitude ref, latitude, longitude ref, longitude.
        BinaryPrimitives.WriteUInt16LittleEndian(s[60..], 4);
        Entry(s, 62, 0x0001, 2, 2, BinaryPrimitives.ReadUInt32LittleEndian("N\0\0\0"u8));
        Entry(s, 74, 0x0002, 5, 3, 120);
        Entry(s, 86, 0x0003, 2, 2, BinaryPrimitives.ReadUInt32LittleEndian("W\0\0\0"u8));
        Entry(s, 98, 0x0004, 5, 3, 144);
        BinaryPrimitives.WriteUInt32LittleEndian(s[110..], 0);
        uint[] latitude = [51, 1, 30, 1, 30, 1];
        uint[] longitude = [0, 1, 7, 1, 40, 1];
        for (var i = 0; i < 6; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(s[(120 + (i * 4))..], latitude[i]);
            BinaryPrimitives.WriteUInt32LittleEndian(s[(144 + (i * 4))..], longitude[i]);
        }

        return tiff[..168];
    }

    private static void Entry(Span<byte> s, int at, ushort tag, ushort type, uint count, uint value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(s[at..], tag);
        BinaryPrimitives.WriteUInt16LittleEndian(s[(at + 2)..], type);
        BinaryPrimitives.WriteUInt32LittleEndian(s[(at + 4)..], count);
        BinaryPrimitives.WriteUInt32LittleEndian(s[(at + 8)..], value);
    }

    private static byte[] Segment(byte marker, byte[] payload)
    {
        var segment = new byte[4 + payload.Length];
        segment[0] = 0xFF;
        segment[1] = marker;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(payload.Length + 2));
        payload.CopyTo(segment, 4);
        return segment;
    }

    private static byte[] PngChunk(string type, byte[] data)
    {
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)data.Length);
        Encoding.ASCII.GetBytes(type).CopyTo(chunk, 4);
        data.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32(chunk.AsSpan(4, 4 + data.Length)));
        return chunk;
    }

    /// <summary>The CRC-32 PNG chunks end with (ISO 3309, as zlib computes it).</summary>
    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    private static byte[] RiffChunk(string fourCc, byte[] data)
    {
        var padded = data.Length + (data.Length & 1);
        var chunk = new byte[8 + padded];
        Encoding.ASCII.GetBytes(fourCc).CopyTo(chunk, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(chunk.AsSpan(4), (uint)data.Length);
        data.CopyTo(chunk, 8);
        return chunk;
    }
}
