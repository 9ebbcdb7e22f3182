using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.OutputCaching;

namespace ClinicBlog.Web.SharedState;

/// <summary>The shared (Redis) output cache, made to degrade rather than fail: while Redis cannot be
/// reached a lookup is a miss (the page is rendered afresh), a store is skipped, and readers never see an
/// error because of it. A failed eviction is logged as an error: entries it could not remove expire by
/// themselves (30 minutes at most).</summary>
internal sealed class ResilientOutputCacheStore(IOutputCacheStore inner, ILogger<ResilientOutputCacheStore> logger) : IOutputCacheBufferStore, IAsyncDisposable
{
    /// <summary>One warning a minute at most while Redis is away, not one per request.</summary>
    private long _lastWarningTicks;

    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            return await inner.GetAsync(key, cancellationToken);
        }
        catch (Exception e) when (RedisFailures.IsUnavailable(e))
        {
            Warn(e);
            return null;
        }
    }

    public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        try
        {
            await inner.SetAsync(key, value, tags, validFor, cancellationToken);
        }
        catch (Exception e) when (RedisFailures.IsUnavailable(e))
        {
            Warn(e);
        }
    }

    public async ValueTask<bool> TryGetAsync(string key, PipeWriter destination, CancellationToken cancellationToken)
    {
        try
        {
            if (inner is IOutputCacheBufferStore buffered)
            {
                return await buffered.TryGetAsync(key, destination, cancellationToken);
            }

            var value = await inner.GetAsync(key, cancellationToken);
            if (value is null)
            {
                return false;
            }

            await destination.WriteAsync(value, cancellationToken);
            return true;
        }
        catch (Exception e) when (RedisFailures.IsUnavailable(e))
        {
            Warn(e);
            return false;
        }
    }

    public async ValueTask SetAsync(string key, ReadOnlySequence<byte> value, ReadOnlyMemory<string> tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        try
        {
            if (inner is IOutputCacheBufferStore buffered)
            {
                await buffered.SetAsync(key, value, tags, validFor, cancellationToken);
            }
            else
            {
                await inner.SetAsync(key, value.ToArray(), tags.ToArray(), validFor, cancellationToken);
            }
        }
        catch (Exception e) when (RedisFailures.IsUnavailable(e))
        {
            Warn(e);
        }
    }

    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        try
        {
            await inner.EvictByTagAsync(tag, cancellationToken);
        }
        catch (Exception e) when (RedisFailures.IsUnavailable(e))
        {
            logger.LogError(e, "Could not evict cached pages tagged {Tag}: Redis is unavailable; they expire within 30 minutes", tag);
        }
    }

    public async ValueTask DisposeAsync()
    {
        switch (inner)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync();
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }

    private void Warn(Exception e)
    {
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _lastWarningTicks);
        if ((last == 0 || now - last > 60_000) && Interlocked.CompareExchange(ref _lastWarningTicks, now, last) == last)
        {
            logger.LogWarning("The shared output cache (Redis) is unavailable; pages are rendered without it: {Error}", e.Message);
        }
    }
}
