using ClinicBlog.Core;
using ClinicBlog.Core.Notifications;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace ClinicBlog.Web.Notifications;

/// <summary>Links in staff messages start with <c>Blog:BaseUrl</c>, else the server's own first
/// address. Never a request's Host header: whoever sends a request chooses that.</summary>
internal sealed class ConfiguredStaffLinkBase(IOptions<BlogOptions> options, IServer server) : IStaffLinkBase
{
    public Uri BaseUri
    {
        get
        {
            var configured = options.Value.BaseUrl;
            var address = !string.IsNullOrWhiteSpace(configured)
                ? configured
                : server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost";
            // Kestrel reports wildcard bindings such as http://+:8080 or http://[::]:8080.
            var uri = new UriBuilder(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
            if (uri.Host is "0.0.0.0" or "[::]" or "::")
            {
                uri.Host = "localhost";
            }

            uri.Path = uri.Path.EndsWith('/') ? uri.Path : uri.Path + "/";
            return uri.Uri;
        }
    }
}
