using System.IO.Compression;
using System.Security.Cryptography;
using ClinicBlog.Core;
using ClinicBlog.Core.Content;
using ClinicBlog.Core.Posts;
using ClinicBlog.Web.Caching;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
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
        var megabytes = builder.Configuration.GetValue<int?>($"{BlogOptions.Section}:{nameof(BlogOptions.OutputCacheMegabytes)}") ?? new BlogOptions().OutputCacheMegabytes;
        builder.Services.AddSingleton<ReaderPagePolicy>();
        builder.Services.AddOutputCache(options =>
        {
            // Bounded: a crawl through every page (or a flood of odd URLs) makes the least recently used
            // pages leave rather than the process grow. Searches are never stored (see ReaderPagePolicy).
            options.SizeLimit = Math.Clamp(megabytes, 1, 4096) * 1024L * 1024;
        });
        builder.Services.AddOptions<OutputCacheOptions>().Configure<ReaderPagePolicy>((options, policy) => options.AddBasePolicy(policy));
        builder.Services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            // Between equally welcome encodings the first provider wins: Brotli's output is the smaller
            // (3% on the post page). Levels are chosen per response by ReaderCompression.
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["application/rss+xml", "application/atom+xml", "image/svg+xml"]);
        });
        builder.Services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        builder.Services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        builder.Services.AddSingleton<IResponseCompressionProvider, ReaderCompression>();
        // Every change reaches the post pages' data first, then the cached pages (see PostPageCache).
        var severalInstances = builder.SeveralInstances();
        // The front and the post pages' data are this process's own: with several instances, another
        // instance's change would reach them late, and the shared output cache serves instead.
        IPublicContentCache EvictPages(IServiceProvider sp) => ActivatorUtilities.CreateInstance<OutputCacheEviction>(sp);
        if (severalInstances)
        {
            builder.Services.AddSingleton(sp => new PostPageCache(EvictPages(sp), enabled: false));
        }
        else
        {
            builder.Services.AddSingleton(sp => new ReaderPageFront(EvictPages(sp)));
            builder.Services.AddSingleton(sp => new PostPageCache(sp.GetRequiredService<ReaderPageFront>(), enabled: true));
        }

        builder.Services.AddSingleton<IPublicContentCache>(sp => sp.GetRequiredService<PostPageCache>());
        builder.Services.AddHostedService<ScheduledPublicationWatcher>();
    }

    /// <summary>Order matters: the cache sits outside compression, so it stores compressed bytes and
    /// serves them without compressing again. Staff pages are never compressed (their antiforgery
    /// tokens would be exposed to BREACH-style attacks) and never cached. Program.cs puts this before
    /// routing, rate limiting and the request limits: a cache hit needs none of them.</summary>
    public static void UseReaderCaching(this WebApplication app)
    {
        var enabled = app.Services.GetRequiredService<IOptions<BlogOptions>>().Value.OutputCache;
        if (enabled)
        {
            // The output cache's hottest pages, ready to send (see ReaderPageFront): measured against
            // sending them from the very start of the pipeline, the middleware before here cost nothing
            // that showed, and a kept page stays behind every check they make (redirects, media).
            if (app.Services.GetService<ReaderPageFront>() is { } front)
            {
                var policy = app.Services.GetRequiredService<ReaderPagePolicy>();
                app.Use((context, next) => ReaderPagePolicy.IsCacheable(context.Request)
                    ? front.ServeAsync(context, policy.ChosenEncoding(context), next)
                    : next(context));
            }

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

    /// <summary>Adds a weak ETag (a hash of the page) to the reader pages the output cache is about to
    /// store. The cache keeps the header and answers conditional requests (304) for those pages itself,
    /// without rendering. A response that will not be stored (a search, the cache turned off) is not
    /// buffered and hashed: that cost would buy a 304 only after the page had been rendered anyway.</summary>
    private static async Task WeakETagAsync(HttpContext context, RequestDelegate next)
    {
        if (!ReaderCompression.WillBeStored(context))
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
