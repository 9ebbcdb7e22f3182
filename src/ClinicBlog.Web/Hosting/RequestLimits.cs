using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace ClinicBlog.Web.Hosting;

/// <summary>How big a request may be, and a plain 413 for one that is bigger, whether it says so up
/// front (Content-Length) or only turns out so while it is read (chunked).</summary>
internal static class RequestLimits
{
    /// <summary>No form the blog takes comes near this (the longest article, URL-encoded, stays under
    /// it). Image uploads and the comment form set their own limits.</summary>
    public const long MaxBodyBytes = 4 * 1024 * 1024;

    private const string TooLarge = "clinicblog.body-too-large";
    private const string FormRead = "clinicblog.form-read";

    /// <summary>Runs after routing, so per-endpoint limits count, and reads nothing itself. A body
    /// declared over the endpoint's limit gets 413 at once. A body of unknown length is counted as
    /// whatever comes later reads it: past the limit the read fails, and the answer is 413 however
    /// the reader reported it (the antiforgery check and model binding would say 400).</summary>
    public static void UseRequestLimits(this WebApplication app) =>
        app.Use(async (context, next) =>
        {
            var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize
                ?? context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
            var request = context.Request;
            if (request.ContentLength > limit)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            {
                feature.MaxRequestBodySize = limit;
            }

            if (request.ContentLength is null && limit is { } max)
            {
                request.Body = new CountedBody(request.Body, max, () => context.Items[TooLarge] = true);
            }

            try
            {
                await next(context);
            }
            catch (Exception) when (context.Items.ContainsKey(TooLarge) && !context.Response.HasStarted)
            {
                context.Response.Clear();
            }

            if (context.Items.ContainsKey(TooLarge) && !context.Response.HasStarted)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            }
        });

    /// <summary>Reads URL-encoded form posts once the rate limiter and authorization have let them
    /// through (not before: a refused request costs no body) and drops null characters: ASP.NET Core's
    /// form reader refuses a whole form holding one (%00), so an author who pasted text with a stray null
    /// byte would lose the article. A nul typed as text arrives encoded (%2500) and is kept.</summary>
    public static void UseFormBodies(this WebApplication app) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            // Only for an endpoint that will take the form; never for an error page re-executing the
            // request (a refused request's body stays unread), and only once.
            if (context.GetEndpoint() is not null
                && context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null
                && context.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is null
                && context.Items.TryAdd(FormRead, true)
                && HttpMethods.IsPost(request.Method)
                && request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
            {
                using var buffer = new MemoryStream();
                await request.Body.CopyToAsync(buffer, context.RequestAborted);
                var cleaned = FormBodyCleaning.Clean(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
                request.Body = new MemoryStream(cleaned, writable: false);
                request.ContentLength = cleaned.Length;
            }

            await next(context);
        });

    /// <summary>A request body that fails once more than <c>limit</c> bytes have been read from it (or
    /// when the server's own limit stops it), and says so through <c>tooLarge</c>.</summary>
    private sealed class CountedBody(Stream inner, long limit, Action tooLarge) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            int read;
            try
            {
                read = await inner.ReadAsync(buffer, cancellationToken);
            }
            catch (Microsoft.AspNetCore.Http.BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                tooLarge();
                throw;
            }

            return Count(read);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int read)
        {
            _read += read;
            if (_read > limit)
            {
                tooLarge();
                throw new Microsoft.AspNetCore.Http.BadHttpRequestException("The request body is larger than this address accepts.", StatusCodes.Status413PayloadTooLarge);
            }

            return read;
        }
    }
}
