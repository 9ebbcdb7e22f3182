using System.Buffers.Binary;

namespace ClinicBlog.Core.Media;

/// <summary>Recognises JPEG, PNG, GIF and WebP by their signatures and reads their dimensions from the
/// headers, so a renamed text, HTML or SVG file is refused whatever its extension says.</summary>
public static class ImageInspector
{
    /// <summary>The largest width or height accepted.</summary>
    public const int MaxDimension = 12_000;

    public static ImageInfo? Inspect(ReadOnlySpan<byte> data)
    {
        var info = Png(data) ?? Gif(data) ?? Jpeg(data) ?? WebP(data);
        return info is { Width: > 0 and <= MaxDimension, Height: > 0 and <= MaxDimension } ? info : null;
    }

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ImageInfo? Png(ReadOnlySpan<byte> d) =>
        d.Length >= 24 && d[..8].SequenceEqual(PngSignature) && d.Slice(12, 4).SequenceEqual("IHDR"u8)
            ? new ImageInfo("image/png", ".png", (int)BinaryPrimitives.ReadUInt32BigEndian(d[16..]), (int)BinaryPrimitives.ReadUInt32BigEndian(d[20..]))
            : null;

    private static ImageInfo? Gif(ReadOnlySpan<byte> d) =>
        d.Length >= 10 && (d[..6].SequenceEqual("GIF87a"u8) || d[..6].SequenceEqual("GIF89a"u8))
            ? new ImageInfo("image/gif", ".gif", BinaryPrimitives.ReadUInt16LittleEndian(d[6..]), BinaryPrimitives.ReadUInt16LittleEndian(d[8..]))
            : null;

    private static ImageInfo? Jpeg(ReadOnlySpan<byte> d)
    {
        if (d.Length < 4 || d[0] != 0xFF || d[1] != 0xD8 || d[2] != 0xFF)
        {
            return null;
        }

        var i = 2;
        while (i + 9 < d.Length)
        {
            if (d[i] != 0xFF)
            {
                return null;
            }

            var marker = d[i + 1];
            if (marker == 0xFF)
            {
                i++; // fill byte
                continue;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(d[(i + 2)..]);
            var isStartOfFrame = marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;
            if (isStartOfFrame)
            {
                var height = BinaryPrimitives.ReadUInt16BigEndian(d[(i + 5)..]);
                var width = BinaryPrimitives.ReadUInt16BigEndian(d[(i + 7)..]);
                return new ImageInfo("image/jpeg", ".jpg", width, height);
            }

            if (length < 2)
            {
                return null;
            }

            i += 2 + length;
        }

        return null;
    }

    private static ImageInfo? WebP(ReadOnlySpan<byte> d)
    {
        if (d.Length < 30 || !d[..4].SequenceEqual("RIFF"u8) || !d.Slice(8, 4).SequenceEqual("WEBP"u8))
        {
            return null;
        }

        var chunk = d.Slice(12, 4);
        if (chunk.SequenceEqual("VP8X"u8))
        {
            return new ImageInfo("image/webp", ".webp", 1 + ReadUInt24(d[24..]), 1 + ReadUInt24(d[27..]));
        }

        if (chunk.SequenceEqual("VP8L"u8) && d[20] == 0x2F)
        {
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(d[21..]);
            return new ImageInfo("image/webp", ".webp", (int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1);
        }

        if (chunk.SequenceEqual("VP8 "u8) && d[23] == 0x9D && d[24] == 0x01 && d[25] == 0x2A)
        {
            return new ImageInfo("image/webp", ".webp", BinaryPrimitives.ReadUInt16LittleEndian(d[26..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(d[28..]) & 0x3FFF);
        }

        return null;
    }

    private static int ReadUInt24(ReadOnlySpan<byte> d) => d[0] | (d[1] << 8) | (d[2] << 16);
}
