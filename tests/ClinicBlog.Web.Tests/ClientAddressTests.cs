using System.Net;
using ClinicBlog.Core.Comments;
using ClinicBlog.Core.Posts;
using Microsoft.EntityFrameworkCore;

namespace ClinicBlog.Web.Tests;

/// <summary>Who a client is: X-Forwarded-For only from a configured proxy, IPv6 clients by their /64.
/// The host runs with ASPNETCORE_FORWARDEDHEADERS_ENABLED=true, which on its own believes anyone.</summary>
public sealed class ClientAddressTests(ClientAddressTests.Factory factory) : IClassFixture<ClientAddressTests.Factory>
{
    public class Factory : BlogFactory
    {
        protected virtual bool HostForwardedHeadersSwitch => true;

        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
        {
            ["Blog:Comments:RateLimitPermits"] = "2",
            ["Blog:Comments:RateLimitWindowSeconds"] = "3600",
            ["Blog:TrustedProxies"] = "198.51.100.250, 192.0.2.0/28",
            ["FORWARDEDHEADERS_ENABLED"] = HostForwardedHeadersSwitch ? "true" : "false",
        };
    }

    /// <summary>The same, with the blog adding the middleware itself (the host switch off).</summary>
    public sealed class WithoutHostSwitch(WithoutHostSwitch.OwnMiddleware factory) : IClassFixture<WithoutHostSwitch.OwnMiddleware>
    {
        public sealed class OwnMiddleware : Factory
        {
            protected override bool HostForwardedHeadersSwitch => false;
        }

        [Fact]
        public Task Forwarded_headers_from_a_stranger_are_ignored_so_they_cannot_dodge_the_rate_limit() =>
            new ClientAddressTests(factory).Forwarded_headers_from_a_stranger_are_ignored_so_they_cannot_dodge_the_rate_limit();

        [Fact]
        public Task A_configured_proxy_names_the_client() => new ClientAddressTests(factory).A_configured_proxy_names_the_client();
    }

    [Fact]
    public async Task Forwarded_headers_from_a_stranger_are_ignored_so_they_cannot_dodge_the_rate_limit()
    {
        var slug = await NewPostAsync("Spoofing");
        var statuses = new List<HttpStatusCode>();
        for (var i = 1; i <= 3; i++)
        {
            statuses.Add(await CommentAsync(slug, from: "198.51.100.7", forwardedFor: $"203.0.113.{i}", $"Spoofed {i}"));
        }

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task A_configured_proxy_names_the_client()
    {
        var slug = await NewPostAsync("Behind a proxy");
        var fromProxy = new List<HttpStatusCode>();
        for (var i = 1; i <= 3; i++)
        {
            fromProxy.Add(await CommentAsync(slug, from: "198.51.100.250", forwardedFor: $"203.0.113.{10 + i}", $"Proxied {i}"));
        }

        var fromNetwork = new List<HttpStatusCode>();
        for (var i = 1; i <= 3; i++)
        {
            fromNetwork.Add(await CommentAsync(slug, from: "192.0.2.9", forwardedFor: "203.0.113.40", $"Same client {i}"));
        }

        Assert.All(fromProxy, s => Assert.Equal(HttpStatusCode.Redirect, s));
        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], fromNetwork);
    }

    [Fact]
    public async Task An_ipv6_client_is_one_client_across_its_slash_64()
    {
        var slug = await NewPostAsync("IPv6 clients");

        var sameNetwork = new List<HttpStatusCode>
        {
            await CommentAsync(slug, from: "2001:db8:1:2::1", forwardedFor: null, "From the first address"),
            await CommentAsync(slug, from: "2001:db8:1:2:ffff:ffff:ffff:9", forwardedFor: null, "From a second address"),
            await CommentAsync(slug, from: "2001:db8:1:2:abcd::77", forwardedFor: null, "From a third address"),
        };
        var otherNetwork = await CommentAsync(slug, from: "2001:db8:1:3::1", forwardedFor: null, "From the next network");

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], sameNetwork);
        Assert.Equal(HttpStatusCode.Redirect, otherNetwork);
    }

    [Fact]
    public async Task A_ban_follows_an_ipv6_sender_to_another_address_of_its_network()
    {
        var slug = await NewPostAsync("IPv6 bans");
        await CommentAsync(slug, from: "2001:db8:9:9::1", forwardedFor: null, "First nasty comment");
        var firstId = await factory.WithDbAsync(db => db.Comments.Where(c => c.Post.Slug == slug).Select(c => c.Id).SingleAsync());
        using var admin = await factory.SignedInAdminAsync();
        var replyPage = await admin.GetDocumentAsync($"/admin/comments/{firstId}/reply");
        using var banned = await admin.SubmitAsync(replyPage.Form($"form[action='/admin/comments/{firstId}/ban']"), new Dictionary<string, string> { ["Days"] = "30" });

        await CommentAsync(slug, from: "2001:db8:9:9:1234:5678:9abc:def0", forwardedFor: null, "Second nasty comment");
        await CommentAsync(slug, from: "2001:db8:9:a::1", forwardedFor: null, "A neighbour's comment");

        var stored = await factory.WithDbAsync(db => db.Comments.Where(c => c.Post.Slug == slug).OrderBy(c => c.Id).Select(c => c.Status).ToListAsync());
        Assert.Equal(HttpStatusCode.OK, banned.StatusCode);
        Assert.Equal([CommentStatus.Spam, CommentStatus.Spam, CommentStatus.Pending], stored);
    }

    [Fact]
    public async Task A_trusted_proxy_that_is_not_an_address_stops_the_app_at_start()
    {
        await using var misconfigured = new MisconfiguredFactory();

        var error = Assert.ThrowsAny<Exception>(() => misconfigured.Services);

        Assert.Contains("Blog:TrustedProxies: 'proxy.example' is neither an IP address nor a network", error.ToString(), StringComparison.Ordinal);
    }

    private sealed class MisconfiguredFactory : BlogFactory
    {
        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Blog:TrustedProxies"] = "10.0.0.1, proxy.example" };
    }

    private async Task<HttpStatusCode> CommentAsync(string slug, string from, string? forwardedFor, string body)
    {
        using var client = factory.CreateBrowserlikeClient(followRedirects: false);
        client.DefaultRequestHeaders.Add(RemoteAddressFromTestHeader.Header, from);
        if (forwardedFor is not null)
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        }

        using var response = await client.PostCommentAsync(slug, "Visitor", body);
        return response.StatusCode;
    }

    private Task<string> NewPostAsync(string title) =>
        factory.AddPostAsync(title, PostStatus.Published, DateTime.UtcNow.AddDays(-1));
}
