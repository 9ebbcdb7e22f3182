using System.Net;
using ClinicBlog.Core;
using Microsoft.AspNetCore.HttpOverrides;

namespace ClinicBlog.Web.Hosting;

internal static class ForwardedHeadersSetup
{
    /// <summary>Believes <c>X-Forwarded-For</c> / <c>-Proto</c> only from the proxies named in
    /// <see cref="BlogOptions.TrustedProxies"/> (loopback when none are named). This also tames
    /// <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED=true</c>, which on its own believes anyone who reaches Kestrel.</summary>
    public static void AddTrustedProxies(this WebApplicationBuilder builder)
    {
        var setting = builder.Configuration[$"{BlogOptions.Section}:{nameof(BlogOptions.TrustedProxies)}"];
        var (proxies, networks) = Parse(setting);
        // PostConfigure: runs after the host's own setup for ASPNETCORE_FORWARDEDHEADERS_ENABLED, which clears the lists.
        builder.Services.PostConfigure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            if (proxies.Count + networks.Count == 0)
            {
                options.KnownProxies.Clear();
                options.KnownIPNetworks.Clear();
                options.KnownProxies.Add(IPAddress.Loopback);
                options.KnownProxies.Add(IPAddress.IPv6Loopback);
                return;
            }

            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(proxy);
            }

            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(network);
            }
        });
    }

    /// <summary>First in the pipeline, so everything after it sees the client's address and scheme.
    /// When the host already added the middleware (ASPNETCORE_FORWARDEDHEADERS_ENABLED) it is not added
    /// twice: a second pass would read the next address along as if a trusted proxy had written it.</summary>
    public static void UseTrustedProxies(this WebApplication app)
    {
        if (!app.Configuration.GetValue<bool>("FORWARDEDHEADERS_ENABLED"))
        {
            app.UseForwardedHeaders();
        }
    }

    /// <summary>Reads the setting; a value that is neither an address nor a network stops the app at start.</summary>
    internal static (List<IPAddress> Proxies, List<System.Net.IPNetwork> Networks) Parse(string? setting)
    {
        var proxies = new List<IPAddress>();
        var networks = new List<System.Net.IPNetwork>();
        foreach (var entry in (setting ?? string.Empty).Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (entry.Contains('/', StringComparison.Ordinal) && System.Net.IPNetwork.TryParse(entry, out var network))
            {
                networks.Add(network);
            }
            else if (!entry.Contains('/', StringComparison.Ordinal) && IPAddress.TryParse(entry, out var address))
            {
                proxies.Add(address);
            }
            else
            {
                throw new InvalidOperationException(
                    $"Blog:TrustedProxies: '{entry}' is neither an IP address nor a network such as 10.0.0.0/8. List the reverse proxies in front of the blog, separated by commas.");
            }
        }

        return (proxies, networks);
    }
}
