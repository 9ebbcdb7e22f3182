using ClinicBlog.Core.Redirects;

namespace ClinicBlog.Web.Hosting;

internal static class RedirectsSetup
{
    /// <summary>Old addresses staff listed at /admin/redirects answer 301 with their new one, before any
    /// page (or cached page) is looked for. Only reads (GET, HEAD); the table is in memory.</summary>
    public static void UseOldAddressRedirects(this WebApplication app)
    {
        var table = app.Services.GetRequiredService<RedirectTable>();
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if ((HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                && await table.FindAsync(request.Path.Value ?? string.Empty, request.QueryString.Value ?? string.Empty, context.RequestAborted) is { } target)
            {
                context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
                context.Response.Headers.Location = target;
                // Browsers keep a 301 for a while; an hour lets a corrected redirect reach them the same day.
                context.Response.Headers.CacheControl = "public, max-age=3600";
                return;
            }

            await next(context);
        });
    }
}
