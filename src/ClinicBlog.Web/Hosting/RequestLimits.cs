using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace ClinicBlog.Web.Hosting;

/// <summary>How big a request may be, and an early, plain 413 for one that says it is bigger.</summary>
internal static class RequestLimits
{
    /// <summary>No form the blog takes comes near this (the longest article, URL-encoded, stays under
    /// it). Image uploads and the comment form set their own limits.</summary>
    public const long MaxBodyBytes = 4 * 1024 * 1024;

    /// <summary>Answers 413 (with the friendly page) when the declared body is over the endpoint's
    /// limit, before anything tries to read it: otherwise the form reader's failure surfaces as an
    /// antiforgery or binding error with a vaguer status. Runs after routing, so per-endpoint limits count.</summary>
    public static void UseRequestLimits(this WebApplication app) =>
        app.Use(async (context, next) =>
        {
            var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize
                ?? context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
            if (context.Request.ContentLength > limit)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }

            await next(context);
        });
}
