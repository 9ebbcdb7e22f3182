using System.Net;
using System.Net.Http.Headers;

namespace ClinicBlog.Web.Tests;

/// <summary>A request the rate limiter or authorization refuses is answered without its body being read:
/// the body here never ends, so reading it first would never answer.</summary>
public sealed class RequestBodyTests(RequestBodyTests.Factory factory) : IClassFixture<RequestBodyTests.Factory>
{
    public sealed class Factory : BlogFactory
    {
        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
        {
            ["Blog:Comments:RateLimitPermits"] = "1",
            ["Blog:Comments:RateLimitWindowSeconds"] = "3600",
        };
    }

    [Fact]
    public async Task A_staff_form_posted_without_signing_in_is_refused_unread()
    {
        using var client = factory.CreateBrowserlikeClient(followRedirects: false);
        using var endless = new EndlessForm();

        using var response = await SendAsync(client, "/admin/posts/new", endless);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_comment_over_the_rate_limit_is_refused_unread()
    {
        using var client = factory.CreateBrowserlikeClient(followRedirects: false);
        using var first = await client.PostCommentAsync(TestContent.SeedSlug, "First", "Within the limit.");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        using var endless = new EndlessForm();

        using var response = await SendAsync(client, $"/posts/{TestContent.SeedSlug}/comments", endless);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string path, HttpContent body)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body };
        try
        {
            return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"POST {path} was not answered within 20 s: the app waited for the whole body before refusing it");
            throw;
        }
    }

    /// <summary>A form body that starts and never finishes.</summary>
    private sealed class EndlessForm : HttpContent
    {
        private readonly TaskCompletionSource _never = new();

        public EndlessForm() => Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync("Name=Slow&Body="u8.ToArray());
            await stream.FlushAsync();
            await _never.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            _never.TrySetResult();
            base.Dispose(disposing);
        }
    }
}
