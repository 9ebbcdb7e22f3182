using ClinicBlog.Core.Data;
using ClinicBlog.Core.Paging;
using Microsoft.EntityFrameworkCore;

namespace ClinicBlog.Core.Posts;

/// <summary>Reads what readers may see: published posts, newest first, projected straight to read models.</summary>
public sealed class PublishedPostQuery(BlogDbContext db, TimeProvider clock)
{
    private IQueryable<Post> Visible => db.Posts.AsNoTracking().Where(PostVisibility.VisibleAt(clock.GetUtcNow().UtcDateTime));

    /// <summary>All visible posts, newest first.</summary>
    public Task<PagedList<PostSummary>> ListAsync(int page, int pageSize, CancellationToken cancellationToken) =>
        PageAsync(Visible, page, pageSize, cancellationToken);

    /// <summary>Visible posts carrying the tag; null when no visible post carries it (a tag used only
    /// on drafts or scheduled posts would otherwise tell what the clinic is about to publish).</summary>
    public async Task<(TagLink Tag, PagedList<PostSummary> Posts)?> ListByTagAsync(
        string tagSlug, int page, int pageSize, CancellationToken cancellationToken)
    {
        var tag = await db.Tags.AsNoTracking()
            .Where(t => t.Slug == tagSlug && t.Posts.AsQueryable().Any(PostVisibility.VisibleAt(clock.GetUtcNow().UtcDateTime)))
            .Select(t => new TagLink(t.Name, t.Slug)).SingleOrDefaultAsync(cancellationToken);
        if (tag is null)
        {
            return null;
        }

        // Driven from the tag (its posts through the join table's index), not by testing every post.
        var tagged = db.Tags.AsNoTracking().Where(t => t.Slug == tagSlug).SelectMany(t => t.Posts)
            .Where(PostVisibility.VisibleAt(clock.GetUtcNow().UtcDateTime));
        var posts = await PageAsync(tagged, page, pageSize, cancellationToken);
        return (tag, posts);
    }

    /// <summary>Visible posts by one author.</summary>
    public Task<PagedList<PostSummary>> ListByAuthorAsync(int authorId, int page, int pageSize, CancellationToken cancellationToken) =>
        PageAsync(Visible.Where(p => p.AuthorId == authorId), page, pageSize, cancellationToken);

    /// <summary>The visible post with this slug, or null.</summary>
    public async Task<PostDetail?> FindBySlugAsync(string slug, CancellationToken cancellationToken)
    {
        var post = await FindBySlugCompiled.For(db)(db, slug, clock.GetUtcNow().UtcDateTime, cancellationToken);
        if (post is null)
        {
            return null;
        }

        var tags = new List<TagLink>();
        await foreach (var tag in TagsOfPostCompiled.For(db)(db, post.Id).WithCancellation(cancellationToken))
        {
            tags.Add(tag);
        }

        tags.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return post with { Tags = tags };
    }

    /// <summary>True when an archived post has this slug (it answers 410 Gone with a notice).</summary>
    public Task<bool> IsArchivedAsync(string slug, CancellationToken cancellationToken) =>
        db.Posts.AsNoTracking().AnyAsync(p => p.Slug == slug && p.Status == PostStatus.Archived, cancellationToken);

    /// <summary>The newest visible posts with their full content, for feeds; optionally one tag's or one author's.</summary>
    public async Task<List<FeedItem>> FeedAsync(string? tagSlug, int? authorId, int count, CancellationToken cancellationToken)
    {
        var query = Visible;
        if (tagSlug is not null)
        {
            query = query.Where(p => p.Tags.Any(t => t.Slug == tagSlug));
        }

        if (authorId is not null)
        {
            query = query.Where(p => p.AuthorId == authorId);
        }

        var items = await query.OrderByDescending(p => p.PublishedAt).ThenByDescending(p => p.Id).Take(count)
            .Select(p => new FeedItem(p.Id, p.Title, p.Slug, p.Summary, p.BodyHtml, p.PublishedAt!.Value, p.ContentUpdatedAt ?? p.PublishedAt!.Value,
                p.Author.DisplayName, p.Author.Credentials, new List<string>()))
            .ToListAsync(cancellationToken);
        var tags = await TagsOfAsync(items.Select(i => i.Id).ToList(), cancellationToken);
        return items.Select(i => i with { Tags = tags.GetValueOrDefault(i.Id, []).Select(t => t.Name).ToList() }).ToList();
    }

    /// <summary>Every visible post with its last change (in <see cref="ArchiveEntry.PublishedAt"/>), for the sitemap.</summary>
    public Task<List<ArchiveEntry>> SitemapAsync(CancellationToken cancellationToken) =>
        Visible.OrderByDescending(p => p.PublishedAt)
            .Select(p => new ArchiveEntry(p.Title, p.Slug, p.ContentUpdatedAt ?? p.PublishedAt!.Value))
            .ToListAsync(cancellationToken);

    /// <summary>Slugs of tags on at least one visible post, for the sitemap.</summary>
    public Task<List<string>> TagSlugsAsync(CancellationToken cancellationToken) =>
        db.Tags.AsNoTracking().Where(t => t.Posts.AsQueryable().Any(PostVisibility.VisibleAt(clock.GetUtcNow().UtcDateTime)))
            .OrderBy(t => t.Slug).Select(t => t.Slug).ToListAsync(cancellationToken);

    /// <summary>One page of the archive: visible posts newest first, titles and dates only.</summary>
    public async Task<PagedList<ArchiveEntry>> ArchiveAsync(int page, int pageSize, CancellationToken cancellationToken)
    {
        var total = await Visible.CountAsync(cancellationToken);
        var entries = await Visible.OrderByDescending(p => p.PublishedAt).ThenByDescending(p => p.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(p => new ArchiveEntry(p.Title, p.Slug, p.PublishedAt!.Value))
            .ToListAsync(cancellationToken);
        return new PagedList<ArchiveEntry>(entries, page, pageSize, total);
    }

    /// <summary>How many related posts a post page lists.</summary>
    public const int RelatedCount = 3;

    /// <summary>Up to <see cref="RelatedCount"/> of the newest visible posts that share a tag with a post.</summary>
    public async Task<List<ArchiveEntry>> RelatedAsync(int postId, CancellationToken cancellationToken)
    {
        var related = new List<ArchiveEntry>(RelatedCount);
        await foreach (var entry in RelatedCompiled.For(db)(db, postId, clock.GetUtcNow().UtcDateTime).WithCancellation(cancellationToken))
        {
            related.Add(entry);
        }

        return related;
    }

    /// <summary>The current slug of a visible post that used to live at <paramref name="oldSlug"/>, or null.</summary>
    public Task<string?> FindCurrentSlugAsync(string oldSlug, CancellationToken cancellationToken) =>
        db.PostSlugRedirects.AsNoTracking()
            .Where(r => r.OldSlug == oldSlug)
            .Select(r => r.Post)
            .Where(PostVisibility.VisibleAt(clock.GetUtcNow().UtcDateTime))
            .Select(p => p.Slug)
            .FirstOrDefaultAsync(cancellationToken);

    private async Task<PagedList<PostSummary>> PageAsync(
        IQueryable<Post> query, int page, int pageSize, CancellationToken cancellationToken)
    {
        var total = await query.CountAsync(cancellationToken);
        var items = await query
            .OrderByDescending(p => p.PublishedAt).ThenByDescending(p => p.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(p => new PostSummary(
                p.Id,
                p.Title,
                p.Slug,
                p.Summary,
                p.PublishedAt!.Value,
                p.ReadingMinutes,
                new AuthorByline(p.Author.DisplayName, p.Author.Slug, p.Author.Credentials),
                new List<TagLink>())
            {
                Cover = p.CoverImage == null ? null : new CoverImage(p.CoverImage, p.CoverImageWidth ?? 0, p.CoverImageHeight ?? 0, p.CoverImageVariantWidths),
            })
            .ToListAsync(cancellationToken);
        var tags = await TagsOfAsync(items.Select(i => i.Id).ToList(), cancellationToken);
        return new PagedList<PostSummary>(items.Select(i => i with { Tags = tags.GetValueOrDefault(i.Id, []) }).ToList(), page, pageSize, total);
    }

    /// <summary>The tags of these posts, by name, in one query. Loaded apart from the posts: as a
    /// nested collection, SQLite would build the whole post-tag table for every page (measured:
    /// 10 ms a page with 10,000 posts); this way it reads only these posts' rows from the index.</summary>
    private async Task<Dictionary<int, List<TagLink>>> TagsOfAsync(List<int> postIds, CancellationToken cancellationToken)
    {
        if (postIds.Count == 0)
        {
            return [];
        }

        var rows = await db.Posts.AsNoTracking()
            .Where(p => postIds.Contains(p.Id))
            .SelectMany(p => p.Tags, (p, t) => new { PostId = p.Id, t.Name, t.Slug })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.PostId).ToDictionary(
            g => g.Key,
            g => g.OrderBy(r => r.Name, StringComparer.Ordinal).Select(r => new TagLink(r.Name, r.Slug)).ToList());
    }

    // The post page's queries are compiled: EF then skips walking and hashing the expression tree
    // on every request. Visibility is spelled out here as in PostVisibility (a compiled query
    // cannot call it with a parameter).
    private static readonly CompiledPerProvider<Func<BlogDbContext, string, DateTime, CancellationToken, Task<PostDetail?>>> FindBySlugCompiled = new(() =>
        EF.CompileAsyncQuery((BlogDbContext db, string slug, DateTime now, CancellationToken _) =>
            db.Posts.AsNoTracking()
                .Where(p => (p.Status == PostStatus.Published || p.Status == PostStatus.Scheduled) && p.PublishedAt <= now)
                .Where(p => p.Slug == slug)
                .Select(p => new PostDetail(
                    p.Id,
                    p.Title,
                    p.Slug,
                    p.Summary,
                    p.BodyHtml,
                    p.PublishedAt!.Value,
                    p.ContentUpdatedAt ?? p.PublishedAt!.Value,
                    p.ReadingMinutes,
                    new AuthorByline(p.Author.DisplayName, p.Author.Slug, p.Author.Credentials),
                    p.Reviewer == null ? null : new AuthorByline(p.Reviewer.DisplayName, p.Reviewer.Slug, p.Reviewer.Credentials),
                    p.ReviewedAt,
                    p.CommentsOpen,
                    new List<TagLink>())
                {
                    ReviewIsStale = p.ReviewIsStale,
                    Imported = p.ImportKey != null,
                    Cover = p.CoverImage == null ? null : new CoverImage(p.CoverImage, p.CoverImageWidth ?? 0, p.CoverImageHeight ?? 0, p.CoverImageVariantWidths),
                    // Two counts, so the top-level one is read from the index alone and only replies
                    // (usually few) look at their parent. Each is counted once and summed in PostDetail:
                    // summed here as well, the top-level comments were counted twice (on PostgreSQL, 3 and
                    // 8 ms of the query's 11 for the post with 1,831 of them).
                    TopLevelCommentCount = p.Comments.Count(c => c.Status == Comments.CommentStatus.Approved && c.ParentId == null),
                    ReplyCount = p.Comments.Count(c => c.Status == Comments.CommentStatus.Approved && c.ParentId != null
                        && c.Parent!.Status == Comments.CommentStatus.Approved),
                })
                .SingleOrDefault()));

    /// <summary>One post's tags. The list form (<see cref="TagsOfAsync"/>) takes a collection parameter, whose
    /// SQL EF builds again on every execution: a sixth of an uncached post page's time, measured.</summary>
    private static readonly CompiledPerProvider<Func<BlogDbContext, int, IAsyncEnumerable<TagLink>>> TagsOfPostCompiled = new(() =>
        EF.CompileAsyncQuery((BlogDbContext db, int postId) =>
            db.Posts.AsNoTracking().Where(p => p.Id == postId).SelectMany(p => p.Tags).Select(t => new TagLink(t.Name, t.Slug))));

    /// <summary>The newest visible posts sharing a tag with the post: walking the publication-time
    /// index backwards stops after a few posts, however large the archive. The count is a constant, written
    /// into the SQL: with a parameter for its LIMIT, PostgreSQL judged its generic plan too costly and planned
    /// the statement again on every execution (1.5 ms each, three times the execution).</summary>
    private static readonly CompiledPerProvider<Func<BlogDbContext, int, DateTime, IAsyncEnumerable<ArchiveEntry>>> RelatedCompiled = new(() =>
        EF.CompileAsyncQuery((BlogDbContext db, int postId, DateTime now) =>
            db.Posts.AsNoTracking()
                .Where(p => (p.Status == PostStatus.Published || p.Status == PostStatus.Scheduled) && p.PublishedAt <= now)
                .Where(p => p.Id != postId && p.Tags.Any(t => t.Posts.Any(o => o.Id == postId)))
                .OrderByDescending(p => p.PublishedAt).ThenByDescending(p => p.Id)
                .Take(RelatedCount)
                .Select(p => new ArchiveEntry(p.Title, p.Slug, p.PublishedAt!.Value))));
}
