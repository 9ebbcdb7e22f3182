using System.Net;
using System.Net.Sockets;
using System.Text;
using AngleSharp.Dom;

namespace ClinicBlog.Web.Tests;

/// <summary>Malformed and oversized requests against the real server (Kestrel, Production): each gets
/// a clear status and a friendly page, never a 5xx or a stack trace.</summary>
public sealed class BadInputTests(BadInputTests.Server server) : IClassFixture<BadInputTests.Server>
{
    /// <summary>One app process for all the cases.</summary>
    public sealed class Server : IAsyncLifetime
    {
        private readonly string _data = Path.Combine(Path.GetTempPath(), "clinicblog-tests", Guid.NewGuid().ToString("N"));

        public AppProcess App { get; private set; } = null!;

        public async Task InitializeAsync() => App = await AppProcess.StartAsync(_data);

        public async Task DisposeAsync()
        {
            await App.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_data, recursive: true);
        }
    }

    private AppProcess App => server.App;

    public static TheoryData<string, string, string, byte[], int> Requests => new()
    {
        // What, method, path, body (urlencoded unless empty), expected status.
        { "a comment body over the 512 KB limit", "POST", $"/posts/{TestContent.SeedSlug}/comments", Form("Name=A&Body=" + new string('x', 600_000)), 413 },
        { "a staff form body over the 4 MB limit", "POST", "/account/login", Form("Email=a&Password=" + new string('x', 5_000_000)), 413 },
        // The comment form decodes leniently, as browsers encode: a stray % is kept as typed.
        { "a malformed comment form", "POST", $"/posts/{TestContent.SeedSlug}/comments", Form("%%%=&&==%zz&Name=%&Body=%G0"), 302 },
        { "a malformed sign-in form", "POST", "/account/login", Form("%%%=&&==%zz"), 400 },
        // Null bytes are dropped before the form is read: the page answers as for any wrong password.
        { "a null byte in a staff form", "POST", "/account/login", Form("Email=a%00b%40clinic.test&Password=x%00y"), 400 },
        // Invalid UTF-8 becomes the replacement character, as in browsers; nothing fails.
        { "invalid UTF-8 in a comment", "POST", $"/posts/{TestContent.SeedSlug}/comments", [.. Encoding.ASCII.GetBytes("Name=Ann&Body="), 0xFF, 0xFE, 0xC3, 0x28, 0x80], 302 },
        { "percent-encoded invalid UTF-8 in a comment", "POST", $"/posts/{TestContent.SeedSlug}/comments", Form("Name=%FF%FE&Body=%C3%28%80+and+more"), 302 },
        { "too many form fields", "POST", $"/posts/{TestContent.SeedSlug}/comments", Form(string.Join("&", Enumerable.Range(0, 5_000).Select(i => $"f{i}=1"))), 400 },
        { "invalid UTF-8 in the path", "GET", "/posts/%FF%FE%C3%28", [], 404 },
        { "invalid UTF-8 in the query", "GET", "/search?q=%FF%FE%C3%28", [], 200 },
        { "a null byte in the query", "GET", "/search?q=%00%00", [], 200 },
        { "an absurd page number", "GET", "/?page=99999999999999999999", [], 404 },
        { "a negative page number", "GET", "/?page=-1", [], 404 },
        { "a long search", "GET", "/search?q=" + new string('a', 6_000), [], 200 },
        { "an overlong URL", "GET", "/search?q=" + new string('a', 40_000), [], 414 },
        { "an overlong slug", "GET", "/posts/" + new string('a', 5_000), [], 404 },
        { "a path with dot segments", "GET", "/posts/../../etc/passwd", [], 404 },
        { "an unknown method on a page", "DELETE", TestContent.SeedUrl, [], 405 },
    };

    [Theory]
    // Not enumerated at discovery: serialising the megabyte bodies there cost more than a minute a run.
    [MemberData(nameof(Requests), DisableDiscoveryEnumeration = true)]
    public async Task A_bad_request_gets_a_clear_status_and_never_a_server_error(string what, string method, string path, byte[] body, int expected)
    {
        var (status, text) = await SendRawAsync(method, path, body);

        Assert.True(status == expected, $"{what}: expected {expected}, got {status}");
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.True(App.Output.Split('\n').All(line => !line.Contains("[ERR]", StringComparison.Ordinal) && !line.Contains("[FTL]", StringComparison.Ordinal)),
            $"{what}: the app logged an error:\n{App.Output}");
    }

    public static TheoryData<string, string, byte[], int> ChunkedRequests => new()
    {
        // What, path, body (sent chunked: no Content-Length says how long it is), expected status.
        { "a chunked comment body over the 512 KB limit", $"/posts/{TestContent.SeedSlug}/comments", Form("Name=A&Body=" + new string('x', 600_000)), 413 },
        { "a chunked staff form body over the 4 MB limit", "/account/login", Form("Email=a&Password=" + new string('x', 5_000_000)), 413 },
        { "a chunked comment within the limit", $"/posts/{TestContent.SeedSlug}/comments", Form("Name=Chunky&Body=Sent+in+chunks."), 302 },
    };

    [Theory]
    [MemberData(nameof(ChunkedRequests), DisableDiscoveryEnumeration = true)]
    public async Task A_chunked_body_over_the_limit_gets_413_like_a_declared_one(string what, string path, byte[] body, int expected)
    {
        var (status, text) = await SendRawAsync("POST", path, body, chunked: true);

        Assert.True(status == expected, $"{what}: expected {expected}, got {status}");
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        Assert.True(App.Output.Split('\n').All(line => !line.Contains("[ERR]", StringComparison.Ordinal) && !line.Contains("[FTL]", StringComparison.Ordinal)),
            $"{what}: the app logged an error:\n{App.Output}");
    }

    [Fact]
    public async Task A_chunked_upload_over_the_limit_gets_413_like_a_declared_one()
    {
        var jar = new PlainCookieJar();
        using var admin = new HttpClient(jar) { BaseAddress = App.BaseAddress };
        var login = await admin.GetDocumentAsync("/account/login");
        using (await admin.SubmitAsync(login.Form("main form"), new Dictionary<string, string> { ["Email"] = BlogFactory.AdminEmail, ["Password"] = BlogFactory.AdminPassword }))
        {
        }

        var page = await admin.GetDocumentAsync("/admin/media");
        var token = page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var big = new byte[7 * 1024 * 1024];
        Images.TinyPng.CopyTo(big, 0);
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(big);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
        content.Add(file, "file", "huge.png");
        var headers = $"Content-Type: {content.Headers.ContentType}\r\nCookie: {jar.CookieHeader}\r\n";

        var (status, text) = await SendRawAsync("POST", "/admin/media", await content.ReadAsByteArrayAsync(), chunked: true, headers);

        Assert.Equal(413, status);
        Assert.Contains("too large for this blog to accept", text, StringComparison.Ordinal);
        Assert.DoesNotContain("[ERR]", App.Output, StringComparison.Ordinal);
    }

    /// <summary>Sends the request as bytes on a socket, so nothing on the client side fixes the path or the body.</summary>
    private async Task<(int Status, string Text)> SendRawAsync(string method, string path, byte[] body, bool chunked = false, string? moreHeaders = null)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, App.BaseAddress.Port);
        await using var stream = tcp.GetStream();
        var head = new StringBuilder()
            .Append(method).Append(' ').Append(path).Append(" HTTP/1.1\r\n")
            .Append("Host: 127.0.0.1:").Append(App.BaseAddress.Port).Append("\r\n")
            .Append("Connection: close\r\n");
        if (chunked)
        {
            head.Append(moreHeaders ?? "Content-Type: application/x-www-form-urlencoded\r\n").Append("Transfer-Encoding: chunked\r\n");
            body = Chunked(body);
        }
        else if (body.Length > 0 || method == "POST")
        {
            head.Append("Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ").Append(body.Length).Append("\r\n");
        }

        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.Append("\r\n").ToString()));
        // The server may answer 413 before the whole body is sent: write while reading.
        var writing = Task.Run(async () =>
        {
            try
            {
                for (var offset = 0; offset < body.Length; offset += 64 * 1024)
                {
                    await stream.WriteAsync(body.AsMemory(offset, Math.Min(64 * 1024, body.Length - offset)));
                }
            }
            catch (IOException)
            {
                // The server stopped reading: it has answered already.
            }
        });
        var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer)) > 0)
            {
                received.Write(buffer, 0, read);
            }
        }
        catch (IOException) when (received.Length > 0)
        {
            // A reset after the answer arrived.
        }

        await writing;
        var response = Encoding.UTF8.GetString(received.ToArray());
        var statusLine = response.Split("\r\n", 2)[0];
        return (int.Parse(statusLine.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture), response);
    }

    private static byte[] Form(string body) => Encoding.ASCII.GetBytes(body);

    /// <summary>The body in HTTP/1.1 chunked transfer coding, 32 KB a chunk.</summary>
    private static byte[] Chunked(byte[] body)
    {
        using var coded = new MemoryStream();
        for (var offset = 0; offset < body.Length; offset += 32 * 1024)
        {
            var length = Math.Min(32 * 1024, body.Length - offset);
            coded.Write(Encoding.ASCII.GetBytes(length.ToString("x", System.Globalization.CultureInfo.InvariantCulture) + "\r\n"));
            coded.Write(body, offset, length);
            coded.Write("\r\n"u8);
        }

        coded.Write("0\r\n\r\n"u8);
        return coded.ToArray();
    }
}
