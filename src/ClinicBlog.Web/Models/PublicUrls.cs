using ClinicBlog.Core;
using Microsoft.Extensions.Options;

namespace ClinicBlog.Web.Models;

/// <summary>Absolute URLs for feeds, the sitemap and canonical links: <c>Blog:BaseUrl</c> when set,
/// otherwise the scheme and host the request came in on.</summary>
public sealed class PublicUrls(IOptions<BlogOptions> options, IHttpContextAccessor accessor)
{
    public string Base
    {
        get
        {
            if (!string.IsNullOrWhiteSpace(options.Value.BaseUrl))
            {
                return options.Value.BaseUrl.Trim().TrimEnd('/');
            }

            var request = accessor.HttpContext?.Request ?? throw new InvalidOperationException("No request to take the host from.");
            return $"{request.Scheme}://{request.Host}{request.PathBase}";
        }
    }

    public string Absolute(string path) => Base + (path.StartsWith('/') ? path : "/" + path);

    public string Post(string slug) => Absolute("/posts/" + Uri.EscapeDataString(slug));
}
