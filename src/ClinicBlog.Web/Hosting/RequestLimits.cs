using ClinicBlog.Web.Requests;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace ClinicBlog.Web.Hosting;

/// <summary>How big a request may be, and a plain 413 for one that is bigger, whether it says so up
/// front (Content-Length) or only turns out so while it is read (chunked).</summary>
internal static class RequestLimits
{
    /// <summary>No form the blog takes comes near this (the longest article, URL-encoded, stays under
    /// it). Image uploads and the comment form set their own limits.</summary>
    public const long MaxBodyBytes = 4 * 1024 * 1024;

    private const string TooLarge = "clinicblog.body-too-large";
    private const string FormRead = "clinicblog.form-read";

    /// <summary>Runs after routing, so per-endpoint limits count, and reads nothing itself. A body
    /// declared over the endpoint's limit gets 413 at once. A body of unknown length is counted as
    /// whatever comes later reads it: past the limit the read fails, and the answer is 413 however
    /// the reader reported it (the antiforgery check and model binding would say 400).</summary>
    public static void UseRequestLimits(this WebApplication app) =>
        app.Use(async (context, next) =>
        {
            var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize
                ?? context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
            var request = context.Request;
            if (request.ContentLength > limit)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            {
                feature.MaxRequestBodySize = limit;
            }

            if (request.ContentLength is null && limit is { } max)
            {
                request.Body = new CountedBody(request.Body, max, () => context.Items[TooLarge] = true);
            }

            try
            {
                await next(context);
            }
            catch (Exception) when (context.Items.ContainsKey(TooLarge) && !context.Response.HasStarted)
            {
                context.Response.Clear();
            }

            if (context.Items.ContainsKey(TooLarge) && !context.Response.HasStarted)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            }
        });

    /// <summary>Reads URL-encoded form posts once the rate limiter and authorization have let them
    /// through (not before: a refused request costs no body) and drops null characters: ASP.NET Core's
    /// form reader refuses a whole form holding one (%00), so an author who pasted text with a stray null
    /// byte would lose the article. A nul typed as text arrives encoded (%2500) and is kept.</summary>
    public static void UseFormBodies(this WebApplication app) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            // Only for an endpoint that will take the form; never for an error page re-executing the
            // request (a refused request's body stays unread), and only once.
            if (context.GetEndpoint() is not null
                && context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null
                && context.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is null
                && context.Items.TryAdd(FormRead, true)
                && HttpMethods.IsPost(request.Method)
                && request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
            {
                using var buffer = new MemoryStream();
                await request.Body.CopyToAsync(buffer, context.RequestAborted);
                var cleaned = FormBodyCleaning.Clean(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
                request.Body = new MemoryStream(cleaned, writable: false);
                request.ContentLength = cleaned.Length;
            }

            await next(context);
        });
}
