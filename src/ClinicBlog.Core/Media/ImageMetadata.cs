using System.Buffers.Binary;

namespace ClinicBlog.Core.Media;

/// <summary>Removes metadata from JPEG, PNG and WebP files without touching a pixel: a phone photo of the
/// clinic carries GPS coordinates, a timestamp and the phone's make in EXIF, and an edited one its
/// history in XMP. The files are rewritten chunk by chunk (no re-encoding, so no quality is lost and the
/// colour profile stays); a JPEG keeps only its orientation, so the photo still stands the right way up.
/// Whatever comes after the image's end marker (a second image, an appended file) is dropped too.
/// See docs/decisions/0004-image-metadata.md.</summary>
public static class ImageMetadata
{
    /// <summary>The image without metadata, or null when its structure cannot be followed.</summary>
    public static CleanImage? Strip(ReadOnlySpan<byte> data, string contentType) => contentType switch
    {
        "image/jpeg" => Jpeg(data),
        "image/png" => Png(data) is { } png ? new CleanImage(png, 1) : null,
        "image/webp" => WebP(data) is { } webp ? new CleanImage(webp, 1) : null,
        _ => new CleanImage(data.ToArray(), 1),
    };

    private static CleanImage? Jpeg(ReadOnlySpan<byte> d)
    {
        if (d.Length < 4 || d[0] != 0xFF || d[1] != 0xD8)
        {
            return null;
        }

        using var output = new MemoryStream(d.Length);
        output.Write([0xFF, 0xD8]);
        var orientation = JpegOrientation(d);
        var wroteOrientation = false;
        var i = 2;
        while (i < d.Length)
        {
            var marker = NextJpegMarker(d, ref i);
            if (marker < 0)
            {
                return null;
            }

            if (marker is 0xD9 or 0x01 or (>= 0xD0 and <= 0xD7))
            {
                // The end of the image, or a marker without a segment.
                output.Write(d.Slice(i, 2));
                i += 2;
                if (marker == 0xD9)
                {
                    return new CleanImage(output.ToArray(), orientation);
                }

                continue;
            }

            var length = SegmentLength(d, i);
            if (length < 0)
            {
                return null;
            }

            // After JFIF (which must come first), put back the orientation alone.
            if (!wroteOrientation && marker != 0xE0)
            {
                wroteOrientation = true;
                output.Write(orientation != 1 ? OrientationSegment(orientation) : []);
            }

            var segment = d.Slice(i, 2 + length);
            output.Write(KeepsJpegSegment(marker, segment[4..]) ? segment : []);
            i += 2 + length;
            if (marker == 0xDA && (i = CopyScan(d, i, output)) >= d.Length)
            {
                // No end marker: keep the data as the file has it (browsers show a truncated JPEG too).
                return new CleanImage(output.ToArray(), orientation);
            }
        }

        return null;
    }

    /// <summary>The length of the segment whose marker is at <paramref name="i"/>, or -1 when it does not fit.</summary>
    private static int SegmentLength(ReadOnlySpan<byte> d, int i)
    {
        var length = i + 4 <= d.Length ? BinaryPrimitives.ReadUInt16BigEndian(d[(i + 2)..]) : 0;
        return length < 2 || i + 2 + length > d.Length ? -1 : length;
    }

    /// <summary>The marker at <paramref name="i"/> (moved past fill bytes), or -1 when there is none.</summary>
    private static int NextJpegMarker(ReadOnlySpan<byte> d, ref int i)
    {
        if (d[i] != 0xFF)
        {
            return -1;
        }

        while (i + 1 < d.Length && d[i + 1] == 0xFF)
        {
            i++; // fill bytes
        }

        return i + 1 < d.Length ? d[i + 1] : -1;
    }

    private static bool KeepsJpegSegment(int marker, ReadOnlySpan<byte> payload) => marker switch
    {
        0xE0 => true, // JFIF
        0xE2 => payload.StartsWith("ICC_PROFILE\0"u8), // the colour profile, not MPF
        0xEE => true, // Adobe colour transform
        0xFE => false, // comments
        _ => marker is not (>= 0xE0 and <= 0xEF), // EXIF, XMP, IPTC, maker notes and the rest
    };

    /// <summary>Copies the entropy-coded data starting at <paramref name="start"/> up to the next marker
    /// (0xFF 0x00 is an escaped byte, RSTn restart markers belong to the data) or the file's end, and
    /// returns where it stopped.</summary>
    private static int CopyScan(ReadOnlySpan<byte> d, int start, MemoryStream output)
    {
        var i = start;
        while (i + 1 < d.Length && !(d[i] == 0xFF && d[i + 1] != 0x00 && d[i + 1] is not (>= 0xD0 and <= 0xD7)))
        {
            i++;
        }

        var end = i + 1 >= d.Length ? d.Length : i;
        output.Write(d[start..end]);
        return end;
    }

    /// <summary>The orientation an EXIF block before the image data sets, or 1.</summary>
    private static int JpegOrientation(ReadOnlySpan<byte> d)
    {
        var i = 2;
        while (i + 4 <= d.Length && d[i] == 0xFF && d[i + 1] is not (0xDA or 0xD9))
        {
            var length = BinaryPrimitives.ReadUInt16BigEndian(d[(i + 2)..]);
            if (length < 2 || i + 2 + length > d.Length)
            {
                break;
            }

            var payload = d.Slice(i + 4, length - 2);
            if (d[i + 1] == 0xE1 && payload.StartsWith("Exif\0\0"u8))
            {
                return ExifOrientation(payload[6..]) ?? 1;
            }

            i += 2 + length;
        }

        return 1;
    }

    /// <summary>The orientation tag (0x0112) of IFD0 in an EXIF block, or null.</summary>
    private static int? ExifOrientation(ReadOnlySpan<byte> tiff)
    {
        if (tiff.Length < 8)
        {
            return null;
        }

        var little = tiff.StartsWith("II"u8);
        if (!little && !tiff.StartsWith("MM"u8))
        {
            return null;
        }

        ushort U16(ReadOnlySpan<byte> s) => little ? BinaryPrimitives.ReadUInt16LittleEndian(s) : BinaryPrimitives.ReadUInt16BigEndian(s);
        uint U32(ReadOnlySpan<byte> s) => little ? BinaryPrimitives.ReadUInt32LittleEndian(s) : BinaryPrimitives.ReadUInt32BigEndian(s);

        var ifd = U32(tiff[4..]);
        if (ifd > tiff.Length - 2)
        {
            return null;
        }

        var count = U16(tiff[(int)ifd..]);
        for (var n = 0; n < count; n++)
        {
            var entry = (int)ifd + 2 + (n * 12);
            if (entry + 12 > tiff.Length)
            {
                return null;
            }

            if (U16(tiff[entry..]) == 0x0112 && U16(tiff[(entry + 2)..]) == 3)
            {
                var value = U16(tiff[(entry + 8)..]);
                return value is >= 1 and <= 8 ? value : null;
            }
        }

        return null;
    }

    /// <summary>An APP1 EXIF segment that says nothing but the orientation.</summary>
    private static byte[] OrientationSegment(int orientation)
    {
        byte[] segment =
        [
            0xFF, 0xE1, 0x00, 0x22, // APP1, length 34
            (byte)'E', (byte)'x', (byte)'i', (byte)'f', 0x00, 0x00,
            (byte)'M', (byte)'M', 0x00, 0x2A, 0x00, 0x00, 0x00, 0x08, // big-endian TIFF, IFD0 at 8
            0x00, 0x01, // one entry
            0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, (byte)orientation, 0x00, 0x00, // Orientation, SHORT, 1
            0x00, 0x00, 0x00, 0x00, // no next IFD
        ];
        return segment;
    }

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static byte[]? Png(ReadOnlySpan<byte> d)
    {
        if (!d.StartsWith(PngSignature))
        {
            return null;
        }

        using var output = new MemoryStream(d.Length);
        output.Write(PngSignature);
        var i = 8;
        while (i + 12 <= d.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(d[i..]);
            if (length > int.MaxValue - 12 || i + 12 + (int)length > d.Length)
            {
                return null;
            }

            var chunk = d.Slice(i, 12 + (int)length);
            var type = chunk.Slice(4, 4);
            var metadata = type.SequenceEqual("eXIf"u8) || type.SequenceEqual("tEXt"u8) || type.SequenceEqual("zTXt"u8)
                           || type.SequenceEqual("iTXt"u8) || type.SequenceEqual("tIME"u8);
            if (!metadata)
            {
                output.Write(chunk);
            }

            i += chunk.Length;
            if (type.SequenceEqual("IEND"u8))
            {
                return output.ToArray();
            }
        }

        return null;
    }

    private static byte[]? WebP(ReadOnlySpan<byte> d)
    {
        if (d.Length < 12 || !d.StartsWith("RIFF"u8) || !d.Slice(8, 4).SequenceEqual("WEBP"u8))
        {
            return null;
        }

        var end = Math.Min(d.Length, 8 + (long)BinaryPrimitives.ReadUInt32LittleEndian(d[4..]));
        using var output = new MemoryStream(d.Length);
        output.Write("RIFF\0\0\0\0WEBP"u8);
        var i = 12;
        while (i + 8 <= end)
        {
            var size = BinaryPrimitives.ReadUInt32LittleEndian(d[(i + 4)..]);
            var padded = size + (size & 1);
            if (i + 8 + padded > end && i + 8 + size != end)
            {
                return null;
            }

            var chunk = d.Slice(i, (int)Math.Min(8 + padded, end - i));
            var fourCc = chunk[..4];
            if (fourCc.SequenceEqual("VP8X"u8) && chunk.Length > 8)
            {
                var copy = chunk.ToArray();
                copy[8] &= unchecked((byte)~0x0C); // the EXIF (0x08) and XMP (0x04) flags
                output.Write(copy);
            }
            else if (!fourCc.SequenceEqual("EXIF"u8) && !fourCc.SequenceEqual("XMP "u8))
            {
                output.Write(chunk);
            }

            i += chunk.Length;
        }

        var bytes = output.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), (uint)(bytes.Length - 8));
        return bytes;
    }
}
