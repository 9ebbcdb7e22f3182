using System.Net.Http.Headers;

namespace ClinicBlog.Web.Tests;

/// <summary>The security headers on every kind of response (pages, errors, feeds, static files,
/// staff pages, health), and the flags on every cookie the blog sets.</summary>
public sealed class SecurityHeadersTests(BlogFactory factory) : IClassFixture<BlogFactory>
{
    [Fact]
    public async Task Every_kind_of_response_carries_the_security_headers()
    {
        // HSTS is never sent to localhost (browsers would pin it for every local app): use a real name.
        var site = new Uri("https://blog.clinic.test");
        using var reader = factory.CreateClient(new() { BaseAddress = site, AllowAutoRedirect = false });
        using var staff = factory.CreateClient(new() { BaseAddress = site, HandleCookies = true });
        var login = await staff.GetDocumentAsync("/account/login");
        using (var signedIn = await staff.SubmitAsync(login.Form("main form"), new Dictionary<string, string>
        {
            ["Email"] = BlogFactory.AdminEmail,
            ["Password"] = BlogFactory.AdminPassword,
        }))
        {
            Assert.Equal("/admin", signedIn.RequestMessage!.RequestUri!.AbsolutePath);
        }

        var home = await reader.GetDocumentAsync("/");
        var css = home.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        var responses = new List<(string Url, HttpResponseMessage Response)>();
        foreach (var url in new[] { "/", TestContent.SeedUrl, "/feed.xml", "/sitemap.xml", "/healthz", "/no-such-page", css, "/favicon.svg", "/account/login", "/admin" })
        {
            responses.Add((url, await reader.GetAsync(url)));
        }

        responses.Add(("/admin (staff)", await staff.GetAsync("/admin")));
        responses.Add(("/admin/comments (staff)", await staff.GetAsync("/admin/comments")));
        try
        {
            foreach (var (url, response) in responses)
            {
                var headers = response.Headers;
                var csp = Single(headers, "Content-Security-Policy", url);
                foreach (var directive in new[] { "default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'" })
                {
                    Assert.True(csp.Contains(directive, StringComparison.Ordinal), $"{url}: the CSP lacks {directive}: {csp}");
                }

                Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
                Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
                Assert.Equal("nosniff", Single(headers, "X-Content-Type-Options", url));
                Assert.Equal("strict-origin-when-cross-origin", Single(headers, "Referrer-Policy", url));
                Assert.Contains("camera=()", Single(headers, "Permissions-Policy", url), StringComparison.Ordinal);
                Assert.StartsWith("max-age=", Single(headers, "Strict-Transport-Security", url), StringComparison.Ordinal);
                Assert.False(headers.Contains("Server"), $"{url} names the server");
                Assert.False(headers.Contains("X-Powered-By"), $"{url} names the framework");
            }
        }
        finally
        {
            responses.ForEach(r => r.Response.Dispose());
        }
    }

    [Fact]
    public async Task Every_cookie_is_secure_http_only_and_same_site()
    {
        using var client = factory.CreateBrowserlikeClient(followRedirects: false);
        using var loginPage = await client.GetAsync("/account/login");
        var login = await Html.ParseAsync(loginPage);
        using var signedIn = await client.SubmitAsync(login.Form("main form"), new Dictionary<string, string>
        {
            ["Email"] = BlogFactory.AdminEmail,
            ["Password"] = BlogFactory.AdminPassword,
        });

        var cookies = new[] { loginPage, signedIn }.SelectMany(r => r.Headers.TryGetValues("Set-Cookie", out var v) ? v : []).ToList();
        Assert.Contains(cookies, c => c.StartsWith("clinicblog.af=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith("clinicblog.staff=", StringComparison.Ordinal));
        foreach (var cookie in cookies)
        {
            var flags = cookie.Split(';').Skip(1).Select(f => f.Trim().ToLowerInvariant()).ToList();
            Assert.True(flags.Contains("secure"), $"not Secure: {cookie}");
            Assert.True(flags.Contains("httponly"), $"not HttpOnly: {cookie}");
            Assert.True(flags.Contains("samesite=lax") || flags.Contains("samesite=strict"), $"no SameSite: {cookie}");
        }
    }

    private static string Single(HttpResponseHeaders headers, string name, string url) =>
        headers.TryGetValues(name, out var values) ? string.Join(' ', values) : throw new Xunit.Sdk.XunitException($"{url} has no {name} header");
}
