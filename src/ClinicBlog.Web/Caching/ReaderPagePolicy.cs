using ClinicBlog.Web.Hosting;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;

namespace ClinicBlog.Web.Caching;

/// <summary>Caches GET/HEAD reader pages for anonymous visitors only, varies by the query values pages
/// use and by the response encoding, and never stores a response that sets a cookie. Search results
/// are not stored: every query is another URL, and a flood of them would push the pages people read out
/// of the bounded cache (a search costs one indexed query).</summary>
internal sealed class ReaderPagePolicy : IOutputCachePolicy
{
    /// <summary>The query keys pages read; any other key leaves the page (and its cache entry) the same.</summary>
    internal static readonly Microsoft.Extensions.Primitives.StringValues VaryQueryKeys = new(["page", "q", "replyTo", "comment", "comments"]);

    /// <summary>Accept-Encoding headers seen, with the encoding they lead to: clients send a handful of
    /// distinct headers, so negotiating once per header rather than once per request. Bounded.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _encodings = new(StringComparer.Ordinal);

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var cacheable = IsCacheable(context.HttpContext.Request);
        context.EnableOutputCaching = cacheable;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = TimeSpan.FromMinutes(30);
        if (!cacheable)
        {
            return ValueTask.CompletedTask;
        }

        context.CacheVaryByRules.QueryKeys = VaryQueryKeys;
        context.CacheVaryByRules.VaryByValues["encoding"] = ChosenEncoding(context.HttpContext);
        context.Tags.Add(ReaderCachingSetup.PostsTag);
        return ValueTask.CompletedTask;
    }

    /// <summary>A reader page's request: GET or HEAD, anonymous, not a search, not a file.</summary>
    public static bool IsCacheable(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        && !ReaderCachingSetup.IsStaffPath(request.Path)
        && !request.Path.StartsWithSegments("/healthz")
        && !request.Path.StartsWithSegments("/media")
        // Static files carry their own validators and long lifetimes; feeds, sitemap and robots are pages.
        && (!Path.HasExtension(request.Path.Value) || request.Path.Value!.EndsWith(".xml", StringComparison.Ordinal) || request.Path.Value.EndsWith(".txt", StringComparison.Ordinal))
        // Signed-in staff always get a fresh page and never cause one to be stored.
        && !request.Cookies.ContainsKey(IdentitySetup.StaffCookieName)
        && !request.Headers.ContainsKey(HeaderNames.Authorization)
        && !IsSearch(request);

    /// <summary>The page came from the store: the front may keep it too.</summary>
    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        if (context.HttpContext.Features.Get<ReaderPageFront.Capture>() is { } capture)
        {
            capture.Cacheable = true;
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.ContainsKey(HeaderNames.SetCookie))
        {
            context.AllowCacheStorage = false;
        }

        if (context.HttpContext.Items["CachedPostId"] is int postId)
        {
            context.Tags.Add(ReaderCachingSetup.PostTag(postId));
        }

        if (context.HttpContext.Features.Get<ReaderPageFront.Capture>() is { } capture)
        {
            capture.Cacheable = context.AllowCacheStorage;
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>The encoding the compression middleware will choose for this request, asked of the
    /// middleware's own negotiation (q-values, <c>*</c>, <c>identity</c>, case), so a cached body is
    /// only ever served to requests that would have produced exactly it. Guessing from the header's
    /// text let <c>*, gzip;q=0</c> store a Brotli body under the key plain clients read.</summary>
    public string ChosenEncoding(HttpContext context)
    {
        var header = context.Request.Headers.AcceptEncoding.ToString();
        if (_encodings.TryGetValue(header, out var known))
        {
            return known;
        }

        var chosen = Negotiate(context);
        if (_encodings.Count < 256)
        {
            _encodings.TryAdd(header, chosen);
        }

        return chosen;
    }

    private static bool IsSearch(HttpRequest request) =>
        request.Path.StartsWithSegments("/search") && !string.IsNullOrWhiteSpace(request.Query["q"]);

    private static string Negotiate(HttpContext context)
    {
        var compression = context.RequestServices.GetRequiredService<IResponseCompressionProvider>();
        return compression.CheckRequestAcceptsCompression(context)
            ? compression.GetCompressionProvider(context)?.EncodingName ?? "identity"
            : "identity";
    }
}
