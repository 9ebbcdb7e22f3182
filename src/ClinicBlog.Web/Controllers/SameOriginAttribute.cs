using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace ClinicBlog.Web.Controllers;

/// <summary>Refuses a form POST sent from another site. Used instead of an antiforgery token where the
/// page must stay identical for every visitor (and so cacheable): browsers send <c>Sec-Fetch-Site</c>
/// and <c>Origin</c> on every cross-site POST, and a page elsewhere cannot forge them.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SameOriginAttribute : Attribute, IResourceFilter
{
    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        var request = context.HttpContext.Request;
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        var origin = request.Headers.Origin.ToString();
        // Sec-Fetch-Site is the browser's own verdict; Origin is the fallback for older browsers.
        // A request with neither comes from no browser, so no visitor's browser was tricked into it.
        var sameOrigin = fetchSite.Length > 0
            ? fetchSite is "same-origin" or "none"
            : origin.Length == 0 || IsOwnOrigin(origin, request);
        if (!sameOrigin)
        {
            context.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
        }
    }

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }

    private static bool IsOwnOrigin(string origin, HttpRequest request) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
}
