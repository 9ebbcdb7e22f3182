using System.IO.Compression;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;

namespace ClinicBlog.Web.Caching;

/// <summary>The compression middleware's own negotiation, with the level chosen per response: a page the
/// output cache will store is compressed once and served thousands of times, so it gets the smallest
/// output (Optimal); any other response (a search, a page for signed-in staff, the cache turned off) is
/// compressed on every request, so it gets the cheapest (Fastest). The encoding is the same either way.</summary>
internal sealed class ReaderCompression(IServiceProvider services, IOptions<ResponseCompressionOptions> options) : IResponseCompressionProvider
{
    private static readonly ICompressionProvider FastGzip =
        new GzipCompressionProvider(Options.Create(new GzipCompressionProviderOptions { Level = CompressionLevel.Fastest }));

    private static readonly ICompressionProvider FastBrotli =
        new BrotliCompressionProvider(Options.Create(new BrotliCompressionProviderOptions { Level = CompressionLevel.Fastest }));

    private readonly ResponseCompressionProvider _negotiation = new(services, options);

    /// <summary>True when the output cache means to store this response (decided before it is written).</summary>
    public static bool WillBeStored(HttpContext context) =>
        context.Features.Get<IOutputCacheFeature>()?.Context.AllowCacheStorage == true;

    public ICompressionProvider? GetCompressionProvider(HttpContext context)
    {
        var chosen = _negotiation.GetCompressionProvider(context);
        if (chosen is null || WillBeStored(context))
        {
            return chosen;
        }

        return chosen.EncodingName switch
        {
            "gzip" => FastGzip,
            "br" => FastBrotli,
            _ => chosen,
        };
    }

    public bool ShouldCompressResponse(HttpContext context) => _negotiation.ShouldCompressResponse(context);

    public bool CheckRequestAcceptsCompression(HttpContext context) => _negotiation.CheckRequestAcceptsCompression(context);
}
