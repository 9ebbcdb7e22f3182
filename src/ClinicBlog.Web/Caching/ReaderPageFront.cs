using System.Collections.Concurrent;
using System.Globalization;
using ClinicBlog.Core.Content;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace ClinicBlog.Web.Caching;

/// <summary>The output cache's hottest pages kept ready to send: status, headers and body per page and
/// encoding, so a hit is one dictionary lookup and a copy of bytes. Microsoft's output cache keeps its
/// entries serialized and reads one back on every hit (key string, header strings, policies); measured,
/// that was most of what kept a cached page at half of nginx's speed.
///
/// It only ever holds what the output cache itself decided to store or served from its store, taken as
/// the response leaves (see <see cref="ReaderPagePolicy"/>), and it forgets everything whenever the
/// output cache is told of a change, after the output cache has forgotten (so a page read in between
/// cannot come back). One instance only, like <see cref="PostPageCache"/>: another instance's change
/// would not reach it. Bounded; when full, the oldest entries leave first.</summary>
public sealed class ReaderPageFront(IPublicContentCache evictPages, long budgetBytes = ReaderPageFront.Megabytes * 1024L * 1024) : IPublicContentCache
{
    /// <summary>The most body bytes held by default (a post page is 4–13 KB per encoding).</summary>
    public const int Megabytes = 8;

    /// <summary>The output cache's lifetime for a page (ReaderPagePolicy); an entry never outlives it.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    /// <summary>The largest page kept (a long article with its comments stays well under).</summary>
    private const int LargestBody = 512 * 1024;

    /// <summary>Headers the server writes per response, or that an entry computes when it is sent.</summary>
    private static readonly HashSet<string> NotKept = new(StringComparer.OrdinalIgnoreCase)
    {
        HeaderNames.Date, HeaderNames.Server, HeaderNames.Age, HeaderNames.ContentLength,
        HeaderNames.TransferEncoding, HeaderNames.Connection, HeaderNames.KeepAlive, HeaderNames.SetCookie,
    };

    /// <summary>What a 304 carries from the entry (RFC 9110 15.4.5; the output cache sends the same).</summary>
    private static readonly string[] NotModifiedHeaders =
        [HeaderNames.CacheControl, HeaderNames.ContentLocation, HeaderNames.ETag, HeaderNames.Expires, HeaderNames.Vary];

    /// <summary>"0".."1800": the Age header of every second an entry can live, written once.</summary>
    private static readonly string[] AgeValues = Enumerable.Range(0, (int)Lifetime.TotalSeconds + 1).Select(s => s.ToString(CultureInfo.InvariantCulture)).ToArray();

    private readonly ConcurrentDictionary<Key, Entry> _entries = new();
    private readonly Queue<(Key Key, Entry Entry)> _oldestFirst = new();
    private readonly Lock _changes = new();
    private long _generation;
    private long _bytes;

    /// <summary>Which page and representation: the output cache's key, less what cannot differ here
    /// (the method: GET and HEAD share an entry; the path's case: each spelling is its own entry).</summary>
    private readonly record struct Key(bool Https, string Host, string Path, string Query, string Encoding);

    /// <summary>A page ready to send. Times are <see cref="Environment.TickCount64"/> milliseconds;
    /// <paramref name="LastModified"/> is the wall-clock time If-Modified-Since is compared with.</summary>
    private sealed record Entry(KeyValuePair<string, StringValues>[] Headers, byte[] Body, StringValues ETag, DateTimeOffset LastModified, long Created)
    {
        public long Expires { get; } = Created + (long)Lifetime.TotalMilliseconds;
    }

    /// <summary>Marks a request the front may keep, for the output cache's policy to say whether it did.</summary>
    internal sealed class Capture
    {
        public bool Cacheable { get; set; }
    }

    public int Count => _entries.Count;

    /// <summary>Serves a kept page, or lets the request through and keeps the page if the output cache
    /// stored or served it. <paramref name="encoding"/> is the compression middleware's choice.</summary>
    public async Task ServeAsync(HttpContext context, string encoding, RequestDelegate next)
    {
        var request = context.Request;
        var key = new Key(request.IsHttps, request.Host.Value ?? string.Empty, request.Path.Value ?? string.Empty, VaryingQuery(request), encoding);
        var now = Environment.TickCount64;
        if (_entries.TryGetValue(key, out var entry) && now < entry.Expires)
        {
            await SendAsync(context, entry, now);
            return;
        }

        if (!HttpMethods.IsGet(request.Method))
        {
            await next(context);
            return;
        }

        var generation = Interlocked.Read(ref _generation);
        var capture = new Capture();
        context.Features.Set(capture);
        var original = context.Response.Body;
        await using var copy = new CopyingStream(original, (int)Math.Min(LargestBody, budgetBytes));
        context.Response.Body = copy;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
            context.Features.Set<Capture>(null);
        }

        var response = context.Response;
        if (capture.Cacheable && response.StatusCode == StatusCodes.Status200OK && copy.Complete(response.ContentLength) is { } body
            && !response.Headers.ContainsKey(HeaderNames.SetCookie))
        {
            Keep(key, generation, now, response, body);
        }
    }

    public async Task PostsChangedAsync(CancellationToken cancellationToken)
    {
        await evictPages.PostsChangedAsync(cancellationToken);
        Forget();
    }

    public async Task CommentsChangedAsync(IReadOnlyCollection<int> postIds, CancellationToken cancellationToken)
    {
        await evictPages.CommentsChangedAsync(postIds, cancellationToken);
        Forget();
    }

    private static async Task SendAsync(HttpContext context, Entry entry, long now)
    {
        var response = context.Response;
        var headers = response.Headers;
        if (IsNotModified(context.Request, entry))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            foreach (var name in NotModifiedHeaders)
            {
                foreach (var (kept, value) in entry.Headers)
                {
                    if (string.Equals(kept, name, StringComparison.OrdinalIgnoreCase))
                    {
                        headers[name] = value;
                    }
                }
            }

            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        foreach (var (name, value) in entry.Headers)
        {
            headers[name] = value;
        }

        headers.Age = AgeValues[Math.Clamp((int)((now - entry.Created) / 1000), 0, AgeValues.Length - 1)];
        response.ContentLength = entry.Body.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await response.Body.WriteAsync(entry.Body, context.RequestAborted);
        }
    }

    /// <summary>If-None-Match by weak comparison (any listed tag, or *); without it, If-Modified-Since
    /// against the entry's Last-Modified. The output cache answers the same way.</summary>
    private static bool IsNotModified(HttpRequest request, Entry entry)
    {
        var ifNoneMatch = request.Headers.IfNoneMatch;
        if (!StringValues.IsNullOrEmpty(ifNoneMatch))
        {
            if (ifNoneMatch.Count == 1 && ifNoneMatch[0] == "*")
            {
                return true;
            }

            if (StringValues.IsNullOrEmpty(entry.ETag) || !EntityTagHeaderValue.TryParse(entry.ETag.ToString(), out var etag)
                || !EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags))
            {
                return false;
            }

            return tags.Any(tag => tag.Compare(etag, useStrongComparison: false));
        }

        return HeaderUtilities.TryParseDate(request.Headers.IfModifiedSince.ToString(), out var since) && entry.LastModified <= since;
    }

    /// <summary>The values of the query keys the output cache varies by, in a fixed order; empty for
    /// the usual request without a query (no parsing, no allocation).</summary>
    private static string VaryingQuery(HttpRequest request)
    {
        if (!request.QueryString.HasValue)
        {
            return string.Empty;
        }

        var query = request.Query;
        var parts = new List<string>();
        foreach (var name in ReaderPagePolicy.VaryQueryKeys)
        {
            if (query.TryGetValue(name!, out var values))
            {
                parts.Add(name + "=" + string.Join('\u001f', values.ToArray()));
            }
        }

        return string.Join('\u001e', parts);
    }

    /// <summary>How old the page is: the Age the output cache gave a stored page, or new.</summary>
    private static long AgeSeconds(HttpResponse response) =>
        long.TryParse(response.Headers.Age.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var age)
            ? Math.Min(age, (long)Lifetime.TotalSeconds)
            : 0;

    private void Keep(Key key, long generation, long now, HttpResponse response, byte[] body)
    {
        var headers = response.Headers;
        var age = AgeSeconds(response);
        // The output cache compares If-Modified-Since with Last-Modified, or else with when it stored the page.
        var lastModified = HeaderUtilities.TryParseDate(headers.LastModified.ToString(), out var stated)
            ? stated
            : DateTimeOffset.UtcNow.AddSeconds(-age);
        var kept = headers.Where(h => !NotKept.Contains(h.Key)).ToArray();
        var entry = new Entry(kept, body, headers.ETag, lastModified, now - (age * 1000));
        lock (_changes)
        {
            // A change while the page was on its way: the output cache has forgotten it, so must this.
            if (generation != _generation)
            {
                return;
            }

            if (_entries.TryGetValue(key, out var old))
            {
                _bytes -= old.Body.Length;
            }

            _entries[key] = entry;
            _oldestFirst.Enqueue((key, entry));
            _bytes += body.Length;
            while (_bytes > budgetBytes && _oldestFirst.TryDequeue(out var oldest))
            {
                if (_entries.TryGetValue(oldest.Key, out var current) && ReferenceEquals(current, oldest.Entry))
                {
                    _entries.TryRemove(oldest.Key, out _);
                    _bytes -= current.Body.Length;
                }
            }

            // A page kept again (its entry expired) leaves its old place in the queue behind: drop those.
            if (_oldestFirst.Count > (2 * _entries.Count) + 256)
            {
                var live = _oldestFirst.Where(o => _entries.TryGetValue(o.Key, out var current) && ReferenceEquals(current, o.Entry)).ToList();
                _oldestFirst.Clear();
                live.ForEach(_oldestFirst.Enqueue);
            }
        }
    }

    private void Forget()
    {
        lock (_changes)
        {
            _generation++;
            _entries.Clear();
            _oldestFirst.Clear();
            _bytes = 0;
        }
    }

    /// <summary>Passes the response on as it is written and keeps a copy of it, up to a limit.</summary>
    private sealed class CopyingStream(Stream inner, int limit) : Stream
    {
        private MemoryStream? _copy = new();

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        /// <summary>The whole body, if it was all seen and matches the length the response declared.</summary>
        public byte[]? Complete(long? declaredLength) =>
            _copy is { Length: > 0 } copy && (declaredLength is null || declaredLength == copy.Length) ? copy.ToArray() : null;

        public override void Write(byte[] buffer, int offset, int count)
        {
            inner.Write(buffer, offset, count);
            Keep(buffer.AsSpan(offset, count));
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await inner.WriteAsync(buffer, cancellationToken);
            Keep(buffer.Span);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            _copy?.Dispose();
            _copy = null;
            base.Dispose(disposing);
        }

        private void Keep(ReadOnlySpan<byte> bytes)
        {
            if (_copy is null)
            {
                return;
            }

            if (_copy.Length + bytes.Length > limit)
            {
                _copy.Dispose();
                _copy = null;
                return;
            }

            _copy.Write(bytes);
        }
    }
}
