namespace ClinicBlog.Web.Hosting;

public static class SecurityHeaders
{
    // No inline script or style anywhere: every script and stylesheet is a file served by the blog (the
    // one exception: the staff editor's style element, allowed per response by StyleNonce).
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private const string StyleNonceKey = "ClinicBlog.StyleNonce";

    /// <summary>A nonce that lets this response's own script add one <c>&lt;style&gt;</c> element (the staff
    /// editor's, whose library writes its styles that way). Asking for it adds it to this response's
    /// <c>style-src</c>; pages that never ask keep the policy above. Scripts are never given one.</summary>
    public static string StyleNonce(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items[StyleNonceKey] is not string nonce)
        {
            nonce = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(18));
            context.Items[StyleNonceKey] = nonce;
        }

        return nonce;
    }

    /// <summary>Adds the security headers to every response, error pages and static files included.</summary>
    public static void UseSecurityHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            context.Response.OnStarting(() =>
            {
                if (context.Items[StyleNonceKey] is string nonce)
                {
                    context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy.Replace("style-src 'self'", $"style-src 'self' 'nonce-{nonce}'", StringComparison.Ordinal);
                }

                return Task.CompletedTask;
            });
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return next(context);
        });
    }
}
