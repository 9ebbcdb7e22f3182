using System.IO.Compression;
using System.Security.Cryptography;
using ClinicBlog.Core;
using ClinicBlog.Core.Content;
using ClinicBlog.Core.Data;
using ClinicBlog.Core.Posts;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace ClinicBlog.Web.Hosting;

internal static class ReaderCachingSetup
{
    /// <summary>The tag on every cached reader page.</summary>
    public const string PostsTag = "posts";

    public static string PostTag(int postId) => "post-" + postId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Output cache for anonymous readers (compressed bytes, one entry per encoding), response
    /// compression, and the eviction that keeps cached pages exact.</summary>
    public static void AddReaderCaching(this WebApplicationBuilder builder)
    {
        builder.Services.AddOutputCache(options =>
        {
            options.SizeLimit = 256L * 1024 * 1024;
            options.AddBasePolicy(new ReaderPagePolicy());
        });
        var cacheOn = builder.Configuration.GetValue<bool?>($"{BlogOptions.Section}:{nameof(BlogOptions.OutputCache)}") ?? true;
        builder.Services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            // Between equally welcome encodings the first provider wins. With the cache on, a page is
            // compressed once per cache entry, so Brotli's smaller output is worth its cost; with the
            // cache off every response is compressed, and gzip costs far less per request (measured:
            // 1,400 vs 700 uncached post pages/s on two cores; Brotli saves 3% of the post page: 4.3 vs 4.4 KB).
            if (cacheOn)
            {
                options.Providers.Add<BrotliCompressionProvider>();
                options.Providers.Add<GzipCompressionProvider>();
            }
            else
            {
                options.Providers.Add<GzipCompressionProvider>();
                options.Providers.Add<BrotliCompressionProvider>();
            }

            options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["application/rss+xml", "application/atom+xml", "image/svg+xml"]);
        });
        builder.Services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        builder.Services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        builder.Services.AddSingleton<IPublicContentCache, OutputCacheEviction>();
        builder.Services.AddHostedService<ScheduledPublicationWatcher>();
    }

    /// <summary>Order matters: the cache sits outside compression, so it stores compressed bytes and
    /// serves them without compressing again. Staff pages are never compressed (their antiforgery
    /// tokens would be exposed to BREACH-style attacks) and never cached.</summary>
    public static void UseReaderCaching(this WebApplication app)
    {
        var enabled = app.Services.GetRequiredService<IOptions<BlogOptions>>().Value.OutputCache;
        if (enabled)
        {
            app.UseOutputCache();
        }

        app.UseWhen(context => !IsStaffPath(context.Request.Path), branch =>
        {
            branch.UseResponseCompression();
            branch.Use(WeakETagAsync);
        });
    }

    public static bool IsStaffPath(PathString path) =>
        path.StartsWithSegments("/admin") || path.StartsWithSegments("/account");

    /// <summary>Adds a weak ETag (a hash of the page) to successful GET responses of reader pages and
    /// answers 304 when the browser already has it. The output cache keeps the header, and answers
    /// conditional requests for cached pages itself.</summary>
    private static async Task WeakETagAsync(HttpContext context, RequestDelegate next)
    {
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }

        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        if (context.Response.StatusCode == StatusCodes.Status200OK && !context.Response.Headers.ContainsKey(HeaderNames.ETag) && buffer.Length > 0)
        {
            var etag = "W/\"" + Convert.ToHexStringLower(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)))[..32] + "\"";
            context.Response.Headers.ETag = etag;
            if (context.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(t => t.Trim() == etag)))
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                context.Response.ContentLength = null;
                return;
            }
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }
}

/// <summary>Caches GET/HEAD reader pages for anonymous visitors only, varies by the query values pages
/// use and by the response encoding, and never stores a response that sets a cookie.</summary>
internal sealed class ReaderPagePolicy : IOutputCachePolicy
{
    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var request = context.HttpContext.Request;
        var cacheable = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && !ReaderCachingSetup.IsStaffPath(request.Path)
            && !request.Path.StartsWithSegments("/healthz")
            && !request.Path.StartsWithSegments("/media")
            // Static files carry their own validators and long lifetimes; feeds, sitemap and robots are pages.
            && (!Path.HasExtension(request.Path.Value) || request.Path.Value!.EndsWith(".xml", StringComparison.Ordinal) || request.Path.Value.EndsWith(".txt", StringComparison.Ordinal))
            // Signed-in staff always get a fresh page and never cause one to be stored.
            && !request.Cookies.ContainsKey(IdentitySetup.StaffCookieName)
            && !request.Headers.ContainsKey(HeaderNames.Authorization);
        context.EnableOutputCaching = cacheable;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = TimeSpan.FromMinutes(30);
        if (!cacheable)
        {
            return ValueTask.CompletedTask;
        }

        context.CacheVaryByRules.QueryKeys = new Microsoft.Extensions.Primitives.StringValues(["page", "q", "replyTo", "comment", "comments"]);
        context.CacheVaryByRules.VaryByValues["encoding"] = ChosenEncoding(context.HttpContext);
        context.Tags.Add(ReaderCachingSetup.PostsTag);
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

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

        return ValueTask.CompletedTask;
    }

    /// <summary>The encoding the compression middleware will choose for this request, asked of the
    /// middleware's own negotiation (q-values, <c>*</c>, <c>identity</c>, case), so a cached body is
    /// only ever served to requests that would have produced exactly it. Guessing from the header's
    /// text let <c>*, gzip;q=0</c> store a Brotli body under the key plain clients read.</summary>
    private static string ChosenEncoding(HttpContext context)
    {
        var compression = context.RequestServices.GetRequiredService<IResponseCompressionProvider>();
        return compression.CheckRequestAcceptsCompression(context)
            ? compression.GetCompressionProvider(context)?.EncodingName ?? "identity"
            : "identity";
    }
}

/// <summary>Evicts cached reader pages when what they show changes.</summary>
internal sealed class OutputCacheEviction(IOutputCacheStore store) : IPublicContentCache
{
    public async Task PostsChangedAsync(CancellationToken cancellationToken) =>
        await store.EvictByTagAsync(ReaderCachingSetup.PostsTag, cancellationToken);

    public async Task CommentsChangedAsync(IReadOnlyCollection<int> postIds, CancellationToken cancellationToken)
    {
        foreach (var id in postIds ?? [])
        {
            await store.EvictByTagAsync(ReaderCachingSetup.PostTag(id), cancellationToken);
        }
    }
}

/// <summary>A scheduled post becomes visible by itself at its time; this evicts the cached lists then,
/// so readers see it within half a minute without anyone touching the blog.</summary>
internal sealed class ScheduledPublicationWatcher(IServiceScopeFactory scopes, IPublicContentCache cache, TimeProvider clock, ILogger<ScheduledPublicationWatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var since = clock.GetUtcNow().UtcDateTime;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(30), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var now = clock.GetUtcNow().UtcDateTime;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<BlogDbContext>();
                var due = await db.Posts.AnyAsync(p => p.Status == PostStatus.Scheduled && p.PublishedAt > since && p.PublishedAt <= now, stoppingToken);
                if (due)
                {
                    logger.LogInformation("A scheduled post went live; evicting cached reader pages");
                    await cache.PostsChangedAsync(stoppingToken);
                }

                since = now;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not check for scheduled posts; will try again");
            }
        }
    }
}
