using System.Collections.Concurrent;
using System.Net;

namespace ClinicBlog.Web.Tests;

/// <summary>Keeps cookies as a browser does for http://127.0.0.1, which it counts as a secure
/// origin: .NET's CookieContainer would not send the blog's Secure cookies over plain HTTP.</summary>
public sealed class PlainCookieJar() : DelegatingHandler(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false })
{
    private readonly ConcurrentDictionary<string, string> _cookies = new();

    /// <summary>The Cookie header this jar sends, for a request written by hand.</summary>
    public string CookieHeader => string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}"));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        for (var hop = 0; ; hop++)
        {
            if (!_cookies.IsEmpty)
            {
                request.Headers.Remove("Cookie");
                request.Headers.Add("Cookie", CookieHeader);
            }

            var response = await base.SendAsync(request, cancellationToken);
            foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            {
                var pair = header.Split(';', 2)[0].Split('=', 2);
                _cookies[pair[0].Trim()] = pair.Length > 1 ? pair[1] : string.Empty;
            }

            if (hop > 5 || response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther) || response.Headers.Location is null)
            {
                return response;
            }

            // Follow the redirect with a GET, as a browser does after a form post.
            var next = new Uri(request.RequestUri!, response.Headers.Location);
            response.Dispose();
            request = new HttpRequestMessage(HttpMethod.Get, next);
        }
    }
}
