using ClinicBlog.Core.Comments;
using ClinicBlog.Core.Content;
using ClinicBlog.Core.Posts;
using Microsoft.Extensions.Caching.Memory;

namespace ClinicBlog.Web.Caching;

/// <summary>What a post page reads from the database: the post, one page of its comments, the related posts.</summary>
public sealed record PostPageData(PostDetail Post, CommentThread Comments, IReadOnlyList<ArchiveEntry> Related);

/// <summary>The post page's data kept in memory until something readers see changes. It sits in front of
/// the output cache's eviction, so it is told of every change the cached pages are told of, and it serves
/// the renders the output cache cannot spare: the cache turned off, a reply link, a comment page, another
/// encoding (its queries were two thirds of an uncached post page's time, measured). Forgetting is by
/// generation: data read while a change was being made is never kept past it. One instance only: with
/// several (Redis configured) another instance's change would reach this one a moment late, and a reader
/// who approved a comment there must see it here; the shared output cache serves them instead.</summary>
public sealed class PostPageCache(IPublicContentCache evictPages, bool enabled) : IPublicContentCache, IDisposable
{
    /// <summary>Bounded: the least recently used pages leave first (a long article with 50 comments is ~100 KB).</summary>
    public const int Megabytes = 8;

    private sealed record Entry(long Generation, PostPageData Data);

    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = Megabytes * 1024L * 1024 });
    private long _generation;

    /// <summary>The page's data from memory, or from <paramref name="load"/> (null: no such visible post).</summary>
    public async Task<PostPageData?> GetAsync(string slug, int commentsPage, Func<CancellationToken, Task<PostPageData?>> load, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(load);
        if (!enabled)
        {
            return await load(cancellationToken);
        }

        var key = (slug, commentsPage);
        var generation = Interlocked.Read(ref _generation);
        if (_entries.TryGetValue(key, out Entry? kept) && kept!.Generation == generation)
        {
            return kept.Data;
        }

        var data = await load(cancellationToken);
        // A page past the last (answered 404) is not kept: a crawl of made-up page numbers stores nothing.
        if (data is not null && commentsPage <= data.Comments.TotalPages)
        {
            _entries.Set(key, new Entry(generation, data), new MemoryCacheEntryOptions { Size = SizeOf(data) });
        }

        return data;
    }

    public Task PostsChangedAsync(CancellationToken cancellationToken)
    {
        Forget();
        return evictPages.PostsChangedAsync(cancellationToken);
    }

    public Task CommentsChangedAsync(IReadOnlyCollection<int> postIds, CancellationToken cancellationToken)
    {
        Forget();
        return evictPages.CommentsChangedAsync(postIds, cancellationToken);
    }

    public void Dispose() => _entries.Dispose();

    private void Forget()
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
    }

    /// <summary>Roughly the bytes the entry holds: its text (two bytes a character) and some per object.</summary>
    private static long SizeOf(PostPageData data)
    {
        long characters = data.Post.BodyHtml.Length + data.Post.Title.Length + (data.Post.Summary?.Length ?? 0);
        foreach (var comment in data.Comments.Comments)
        {
            characters += comment.BodyHtml.Length + comment.AuthorName.Length;
            foreach (var reply in comment.Replies)
            {
                characters += reply.BodyHtml.Length + reply.AuthorName.Length;
            }
        }

        return (characters * 2) + 2048;
    }
}
