using ClinicBlog.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace ClinicBlog.Web.Controllers;

/// <summary>Refuses a form POST sent from another site. Used instead of an antiforgery token where the
/// page must stay identical for every visitor (and so cacheable): browsers send <c>Sec-Fetch-Site</c>
/// and <c>Origin</c> on every cross-site POST, and a page elsewhere cannot forge them. A
/// <c>Referer</c> naming another site is refused too, whatever the other headers say.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SameOriginAttribute : Attribute, IResourceFilter
{
    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        var request = context.HttpContext.Request;
        var publicAddress = context.HttpContext.RequestServices.GetRequiredService<IOptions<BlogOptions>>().Value.PublicAddress;
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        var origin = request.Headers.Origin.ToString();
        var referer = request.Headers.Referer.ToString();
        // Sec-Fetch-Site is the browser's own verdict; Origin is the fallback for older browsers.
        // A request with neither comes from no browser, so no visitor's browser was tricked into it.
        var sameOrigin = fetchSite.Length > 0
            ? fetchSite is "same-origin" or "none"
            : origin.Length == 0 || IsOwnOrigin(origin, request, publicAddress);
        if (!sameOrigin || (referer.Length > 0 && !IsOwnOrigin(referer, request, publicAddress)))
        {
            context.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
        }
    }

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }

    /// <summary>The address names this blog: the scheme and host the request came in on, or the
    /// configured public address (behind a proxy the two can differ).</summary>
    private static bool IsOwnOrigin(string address, HttpRequest request, Uri? publicAddress) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri)
        && (SameOrigin(uri, request.Scheme, request.Host.Value)
            || (publicAddress is not null && SameOrigin(uri, publicAddress.Scheme, publicAddress.Authority)));

    private static bool SameOrigin(Uri uri, string scheme, string? authority) =>
        string.Equals(uri.Scheme, scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(uri.Authority, authority, StringComparison.OrdinalIgnoreCase);
}
