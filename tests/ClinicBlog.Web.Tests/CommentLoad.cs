using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace ClinicBlog.Web.Tests;

/// <summary>A bounded load against a running app on 127.0.0.1: commenters posting through the comment
/// form's POST, readers loading pages, a moderator approving. It records every comment the app
/// acknowledged (a redirect to the "awaiting moderation" page) and every status code it saw.</summary>
public sealed class CommentLoad(Uri baseAddress)
{
    private readonly ConcurrentBag<string> _acknowledged = [];
    private readonly ConcurrentDictionary<int, int> _statuses = new();
    private readonly ConcurrentBag<string> _serverErrors = [];
    private int _readerRequests;
    private int _approvals;
    private int _connectionFailures;

    public IReadOnlyCollection<string> Acknowledged => _acknowledged;

    public IReadOnlyDictionary<int, int> Statuses => _statuses;

    /// <summary>Bodies of 5xx responses and of any response mentioning a locked database.</summary>
    public IReadOnlyCollection<string> ServerErrors => _serverErrors;

    public int ReaderRequests => _readerRequests;

    public int Approvals => _approvals;

    /// <summary>Requests that got no response at all (expected only when the app is killed).</summary>
    public int ConnectionFailures => _connectionFailures;

    public TimeSpan Elapsed { get; private set; }

    /// <summary>Each commenter posts up to <paramref name="perCommenter"/> comments; readers and the
    /// moderator work until the commenters are done or <paramref name="stop"/> fires.</summary>
    public async Task RunAsync(int commenters, int perCommenter, int readers, bool moderate, CancellationToken stop)
    {
        var clock = Stopwatch.StartNew();
        using var done = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var writers = Enumerable.Range(0, commenters).Select(k => CommentAsync(k, perCommenter, stop)).ToList();
        var others = Enumerable.Range(0, readers).Select(_ => ReadAsync(done.Token)).ToList();
        if (moderate)
        {
            others.Add(ModerateAsync(done.Token));
        }

        await Task.WhenAll(writers);
        Elapsed = clock.Elapsed;
        await done.CancelAsync();
        await Task.WhenAll(others);
    }

    private async Task CommentAsync(int commenter, int count, CancellationToken stop)
    {
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        for (var i = 0; i < count && !stop.IsCancellationRequested; i++)
        {
            var body = $"Load comment {i} from commenter {commenter}: {Guid.NewGuid():N}";
            var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Name"] = $"Commenter {commenter}", ["Body"] = body });
            var response = await SendAsync(client, new HttpRequestMessage(HttpMethod.Post, $"/posts/{TestContent.SeedSlug}/comments") { Content = form }, stop);
            if (response is { StatusCode: HttpStatusCode.Redirect } && response.Headers.Location?.ToString().Contains("comment=pending", StringComparison.Ordinal) == true)
            {
                _acknowledged.Add(body);
            }

            response?.Dispose();
        }
    }

    private async Task ReadAsync(CancellationToken stop)
    {
        using var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        string[] pages = [TestContent.SeedUrl, "/", "/feed.xml", TestContent.SeedUrl + "?comments=2"];
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            using var response = await SendAsync(client, new HttpRequestMessage(HttpMethod.Get, pages[i % pages.Length]), stop);
            Interlocked.Increment(ref _readerRequests);
        }
    }

    private async Task ModerateAsync(CancellationToken stop)
    {
        using var client = new HttpClient(new PlainCookieJar()) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        try
        {
            var login = await client.GetDocumentAsync("/account/login");
            using (await client.SubmitAsync(login.Form("main form"), new Dictionary<string, string> { ["Email"] = BlogFactory.AdminEmail, ["Password"] = BlogFactory.AdminPassword }))
            {
            }

            while (!stop.IsCancellationRequested)
            {
                var queue = await client.GetDocumentAsync("/admin/comments?status=Pending");
                if (queue.QuerySelector(".moderation-form") is not IHtmlFormElement form)
                {
                    await Task.Delay(50, stop);
                    continue;
                }

                foreach (var box in form.QuerySelectorAll<IHtmlInputElement>("input[name=ids]"))
                {
                    box.IsChecked = true;
                }

                using var response = await client.SubmitAsync(form, null, ".bulk-actions button[value=approve]");
                Record(response, await response.Content.ReadAsStringAsync(stop));
                Interlocked.Increment(ref _approvals);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or HttpRequestException)
        {
            // The load is over, or the app was killed.
        }
    }

    private async Task<HttpResponseMessage?> SendAsync(HttpClient client, HttpRequestMessage request, CancellationToken stop)
    {
        try
        {
            var response = await client.SendAsync(request, stop);
            Record(response, await response.Content.ReadAsStringAsync(stop));
            return response;
        }
        catch (Exception e) when (e is HttpRequestException or IOException || (e is OperationCanceledException && !stop.IsCancellationRequested))
        {
            Interlocked.Increment(ref _connectionFailures);
            return null;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
        finally
        {
            request.Dispose();
        }
    }

    private void Record(HttpResponseMessage response, string body)
    {
        _statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
        if ((int)response.StatusCode >= 500 || body.Contains("database is locked", StringComparison.OrdinalIgnoreCase))
        {
            _serverErrors.Add($"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {body[..Math.Min(300, body.Length)]}");
        }
    }
}
