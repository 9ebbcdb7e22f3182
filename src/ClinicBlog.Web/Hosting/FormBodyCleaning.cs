namespace ClinicBlog.Web.Hosting;

/// <summary>Drops null characters from URL-encoded form posts before anything reads them. ASP.NET
/// Core's form reader refuses a whole form holding one (%00), so an author who pasted text with a
/// stray null byte would get an error and lose the article; nobody means to type one.</summary>
internal static class FormBodyCleaning
{
    private const string Cleaned = "clinicblog.form-cleaned";

    public static void UseFormsWithoutNullBytes(this WebApplication app) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            // An error page re-executes the request: its body was read (and cleaned) the first time.
            if (context.Items.TryAdd(Cleaned, true)
                && HttpMethods.IsPost(request.Method)
                && request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
            {
                // Reading honours the request size limit: a body over it fails here with 413.
                using var buffer = new MemoryStream();
                await request.Body.CopyToAsync(buffer, context.RequestAborted);
                var cleaned = Clean(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
                request.Body = new MemoryStream(cleaned, writable: false);
                request.ContentLength = cleaned.Length;
            }

            await next(context);
        });

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
