
namespace ClinicBlog.Web.Requests;

/// <summary>Drops null characters from URL-encoded form posts (read by <c>RequestLimits.UseFormBodies</c>).</summary>
internal static class FormBodyCleaning
{
    /// <summary>The body without raw NUL bytes and without the %00 escape (any case). A literal "%00"
    /// typed by a person arrives encoded as %2500, so only a real null byte matches.</summary>
    internal static byte[] Clean(ReadOnlySpan<byte> body)
    {
        if (body.IndexOf((byte)0) < 0 && body.IndexOf("%00"u8) < 0)
        {
            return body.ToArray();
        }

        var result = new List<byte>(body.Length);
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] == 0)
            {
                continue;
            }

            if (body[i] == (byte)'%' && i + 2 < body.Length && body[i + 1] == (byte)'0' && body[i + 2] == (byte)'0')
            {
                i += 2;
                continue;
            }

            result.Add(body[i]);
        }

        return [.. result];
    }
}
