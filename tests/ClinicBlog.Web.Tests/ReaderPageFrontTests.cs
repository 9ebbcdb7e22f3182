using System.Text;
using ClinicBlog.Core.Content;
using ClinicBlog.Web.Caching;
using Microsoft.AspNetCore.Http;

namespace ClinicBlog.Web.Tests;

/// <summary>The front's own rules, on requests made in memory: what it keeps, what it forgets, how much it
/// holds. (ReaderCacheTests checks it through the app, behind the output cache that feeds it.)</summary>
public sealed class ReaderPageFrontTests
{
    private sealed class CountingEviction : IPublicContentCache
    {
        public int Changes { get; private set; }

        public Task PostsChangedAsync(CancellationToken cancellationToken)
        {
            Changes++;
            return Task.CompletedTask;
        }

        public Task CommentsChangedAsync(IReadOnlyCollection<int> postIds, CancellationToken cancellationToken)
        {
            Changes++;
            return Task.CompletedTask;
        }
    }

    /// <summary>What the rest of the pipeline does for a page: counts renders, and says whether the
    /// output cache stored it.</summary>
    private sealed class Pipeline(string body, bool stored = true, int status = StatusCodes.Status200OK)
    {
        public int Renders { get; private set; }

        public Func<Task>? During { get; init; }

        public bool SetsCookie { get; init; }

        public async Task RenderAsync(HttpContext context)
        {
            Renders++;
            if (context.Features.Get<ReaderPageFront.Capture>() is { } capture)
            {
                capture.Cacheable = stored;
            }

            context.Response.StatusCode = status;
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.Headers.ETag = "W/\"" + body.Length + "\"";
            context.Response.Headers["X-Content-Type-Options"] = "nosniff";
            if (SetsCookie)
            {
                context.Response.Headers.SetCookie = "tracking=1";
            }

            if (During is not null)
            {
                await During();
            }

            await context.Response.WriteAsync(body);
        }
    }

    private static DefaultHttpContext Request(string pathAndQuery, string method = "GET", Action<HttpRequest>? more = null)
    {
        var context = new DefaultHttpContext();
        var parts = pathAndQuery.Split('?', 2);
        context.Request.Method = method;
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("blog.example");
        context.Request.Path = parts[0];
        context.Request.QueryString = parts.Length > 1 ? new QueryString("?" + parts[1]) : QueryString.Empty;
        context.Response.Body = new MemoryStream();
        more?.Invoke(context.Request);
        return context;
    }

    private static async Task<DefaultHttpContext> SendAsync(ReaderPageFront front, Pipeline pipeline, string url, string method = "GET", Action<HttpRequest>? more = null)
    {
        var context = Request(url, method, more);
        await front.ServeAsync(context, "gzip", pipeline.RenderAsync);
        return context;
    }

    private static string Body(HttpContext context) => Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray());

    [Fact]
    public async Task A_stored_page_is_sent_again_with_its_headers_without_rendering()
    {
        var front = new ReaderPageFront(new CountingEviction());
        var pipeline = new Pipeline("<p>Ketamine</p>");

        var first = await SendAsync(front, pipeline, "/posts/a");
        var second = await SendAsync(front, pipeline, "/posts/a");
        var head = await SendAsync(front, pipeline, "/posts/a", "HEAD");

        Assert.Equal(1, pipeline.Renders);
        Assert.Equal("<p>Ketamine</p>", Body(first));
        Assert.Equal("<p>Ketamine</p>", Body(second));
        Assert.Equal(StatusCodes.Status200OK, second.Response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", second.Response.ContentType);
        Assert.Equal("nosniff", second.Response.Headers["X-Content-Type-Options"].ToString());
        Assert.Equal(first.Response.Headers.ETag, second.Response.Headers.ETag);
        Assert.Equal("0", second.Response.Headers.Age.ToString());
        Assert.Equal(15, second.Response.ContentLength);
        Assert.Equal(15, head.Response.ContentLength);
        Assert.Equal(string.Empty, Body(head));
    }

    [Fact]
    public async Task Only_what_the_output_cache_stored_as_a_whole_200_is_kept()
    {
        var front = new ReaderPageFront(new CountingEviction());
        var notStored = new Pipeline("<p>fresh</p>", stored: false);
        var missing = new Pipeline("<p>Not found</p>", status: StatusCodes.Status404NotFound);
        var withCookie = new Pipeline("<p>cookie</p>") { SetsCookie = true };

        await SendAsync(front, notStored, "/a");
        await SendAsync(front, notStored, "/a");
        await SendAsync(front, missing, "/b");
        await SendAsync(front, missing, "/b");
        await SendAsync(front, withCookie, "/c");
        await SendAsync(front, withCookie, "/c");

        Assert.Equal(2, notStored.Renders);
        Assert.Equal(2, missing.Renders);
        Assert.Equal(2, withCookie.Renders);
        Assert.Equal(0, front.Count);
    }

    [Fact]
    public async Task A_change_made_while_a_page_was_on_its_way_means_the_page_is_not_kept()
    {
        var eviction = new CountingEviction();
        var front = new ReaderPageFront(eviction);
        var racing = new Pipeline("<p>old</p>") { During = () => front.PostsChangedAsync(CancellationToken.None) };
        var kept = new Pipeline("<p>kept</p>");

        await SendAsync(front, racing, "/posts/a");
        Assert.Equal(0, front.Count);
        await SendAsync(front, kept, "/posts/b");
        await SendAsync(front, kept, "/posts/b");
        Assert.Equal(1, front.Count);
        await front.CommentsChangedAsync([1], CancellationToken.None);
        Assert.Equal(0, front.Count);
        await SendAsync(front, kept, "/posts/b");

        Assert.Equal(1, front.Count);
        Assert.Equal(2, kept.Renders);
        Assert.Equal(2, eviction.Changes);
    }

    [Fact]
    public async Task Conditional_requests_get_a_304_for_a_matching_tag_or_an_unchanged_date()
    {
        var front = new ReaderPageFront(new CountingEviction());
        var pipeline = new Pipeline("<p>abc</p>");
        await SendAsync(front, pipeline, "/a");

        var listed = await SendAsync(front, pipeline, "/a", more: r => r.Headers.IfNoneMatch = "\"other\", W/\"10\"");
        var strongForm = await SendAsync(front, pipeline, "/a", more: r => r.Headers.IfNoneMatch = "\"10\"");
        var star = await SendAsync(front, pipeline, "/a", more: r => r.Headers.IfNoneMatch = "*");
        var other = await SendAsync(front, pipeline, "/a", more: r => r.Headers.IfNoneMatch = "W/\"11\"");
        var since = await SendAsync(front, pipeline, "/a", more: r => r.Headers.IfModifiedSince = DateTimeOffset.UtcNow.AddMinutes(1).ToString("R"));
        var before = await SendAsync(front, pipeline, "/a", more: r => r.Headers.IfModifiedSince = DateTimeOffset.UtcNow.AddDays(-1).ToString("R"));
        var tagWins = await SendAsync(front, pipeline, "/a", more: r =>
        {
            r.Headers.IfNoneMatch = "W/\"11\"";
            r.Headers.IfModifiedSince = DateTimeOffset.UtcNow.AddMinutes(1).ToString("R");
        });

        Assert.Equal(1, pipeline.Renders);
        Assert.All(new[] { listed, strongForm, star, since }, c =>
        {
            Assert.Equal(StatusCodes.Status304NotModified, c.Response.StatusCode);
            Assert.Equal(string.Empty, Body(c));
            Assert.Equal("W/\"10\"", c.Response.Headers.ETag.ToString());
        });
        Assert.All(new[] { other, before, tagWins }, c =>
        {
            Assert.Equal(StatusCodes.Status200OK, c.Response.StatusCode);
            Assert.Equal("<p>abc</p>", Body(c));
        });
    }

    [Fact]
    public async Task Pages_differ_by_the_query_values_pages_read_and_share_an_entry_otherwise()
    {
        var front = new ReaderPageFront(new CountingEviction());
        var pipeline = new Pipeline("<p>list</p>");

        await SendAsync(front, pipeline, "/tags/t?page=2");
        await SendAsync(front, pipeline, "/tags/t?utm_source=mail&page=2");
        await SendAsync(front, pipeline, "/tags/t?page=3");
        await SendAsync(front, pipeline, "/tags/t");
        var otherHost = Request("/tags/t");
        otherHost.Request.Host = new HostString("other.example");
        await front.ServeAsync(otherHost, "gzip", pipeline.RenderAsync);
        await front.ServeAsync(Request("/tags/t"), "br", pipeline.RenderAsync);

        Assert.Equal(5, pipeline.Renders);
        Assert.Equal(5, front.Count);
    }

    [Fact]
    public async Task The_front_holds_at_most_its_budget_and_the_oldest_pages_leave_first()
    {
        var front = new ReaderPageFront(new CountingEviction(), budgetBytes: 10_000);
        var page = new Pipeline(new string('x', 4_000));
        var tooLarge = new Pipeline(new string('y', 12_000));

        foreach (var url in new[] { "/1", "/2", "/3", "/4" })
        {
            await SendAsync(front, page, url);
        }

        var large = await SendAsync(front, tooLarge, "/large");
        await SendAsync(front, page, "/4");
        await SendAsync(front, page, "/1");

        Assert.Equal(12_000, Body(large).Length);
        Assert.Equal(2, front.Count);
        Assert.Equal(5, page.Renders);
    }
}
