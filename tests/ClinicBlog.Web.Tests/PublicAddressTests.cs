using System.Net;
using ClinicBlog.Web.Models;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClinicBlog.Web.Tests;

/// <summary>The Host header: with Blog:BaseUrl set, other hosts are refused; without it, the start-up
/// log says absolute links follow whatever Host a request names.</summary>
public sealed class PublicAddressTests(PublicAddressTests.Factory factory) : IClassFixture<PublicAddressTests.Factory>
{
    public sealed class Factory : BlogFactory
    {
        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Blog:BaseUrl"] = "https://blog.clinic.test/" };
    }

    [Theory]
    [InlineData("blog.clinic.test", HttpStatusCode.OK)]
    [InlineData("BLOG.clinic.test:443", HttpStatusCode.OK)]
    [InlineData("localhost", HttpStatusCode.OK)]
    [InlineData("evil.example", HttpStatusCode.BadRequest)]
    [InlineData("blog.clinic.test.evil.example", HttpStatusCode.BadRequest)]
    public async Task Only_the_public_host_and_localhost_are_answered(string host, HttpStatusCode expected)
    {
        using var client = factory.CreateBrowserlikeClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/feed.xml");
        request.Headers.Host = host;

        using var response = await client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK)
        {
            Assert.Contains("https://blog.clinic.test/posts/", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_empty_base_url_means_not_set_and_the_start_up_log_warns_about_the_host_header()
    {
        await using var unset = new UnsetFactory();
        using var client = unset.CreateBrowserlikeClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/feed.xml");
        request.Headers.Host = "anything.example";

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("https://anything.example/posts/", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var warning = Assert.Single(unset.Log.Entries, e => e.Level == LogLevel.Warning);
        Assert.StartsWith("Blog:BaseUrl is not set: absolute links", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_base_url_that_is_not_an_address_stops_the_app_at_start()
    {
        await using var wrong = new WrongFactory();

        var error = Assert.ThrowsAny<Exception>(() => wrong.Services);

        Assert.Contains("Blog:BaseUrl must be the blog's public address", error.ToString(), StringComparison.Ordinal);
    }

    private sealed class UnsetFactory : BlogFactory
    {
        public CapturingLogger<PublicUrls> Log { get; } = new();

        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Blog:BaseUrl"] = "" };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<ILogger<PublicUrls>>(Log));
        }
    }

    private sealed class WrongFactory : BlogFactory
    {
        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Blog:BaseUrl"] = "blog.clinic.test" };
    }
}
