using ClinicBlog.Core;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Options;

namespace ClinicBlog.Web.Hosting;

internal static class PublicAddressSetup
{
    /// <summary>With <see cref="BlogOptions.BaseUrl"/> set, only requests naming its host (or localhost,
    /// for health checks on the machine) are answered; an explicit <c>AllowedHosts</c> other than
    /// <c>*</c> is left as the operator wrote it.</summary>
    public static void AddPublicAddress(this WebApplicationBuilder builder) =>
        builder.Services.AddOptions<HostFilteringOptions>().PostConfigure<IOptions<BlogOptions>>((hosts, blog) =>
        {
            var address = blog.Value.PublicAddress;
            var everyHost = hosts.AllowedHosts.Count == 0 || hosts.AllowedHosts.All(h => h == "*");
            if (address is not null && everyHost)
            {
                hosts.AllowedHosts = [address.IdnHost, "localhost"];
            }
        });

    /// <summary>Says at start, in Production, when absolute links (feeds, canonical links, JSON-LD) will
    /// follow each request's Host header, which any client chooses.</summary>
    public static void WarnWithoutPublicAddress(this WebApplication app)
    {
        if (app.Environment.IsProduction() && app.Services.GetRequiredService<IOptions<BlogOptions>>().Value.PublicAddress is null)
        {
            app.Services.GetRequiredService<ILogger<Models.PublicUrls>>().LogWarning(
                "Blog:BaseUrl is not set: absolute links in feeds, the sitemap, canonical links and structured data follow each request's Host header, which any client can choose. Set Blog:BaseUrl to the blog's public address, such as https://blog.clinic.org");
        }
    }
}
