using ClinicBlog.Core.Content;
using ClinicBlog.Core.Data;
using ClinicBlog.Core.Media;
using Microsoft.EntityFrameworkCore;

namespace ClinicBlog.Core.Posts;

/// <summary>Puts content into a post (what readers see once the post is visible) the one way it is
/// done everywhere: the words it replaces kept as a revision, the old address redirecting, tags,
/// cover image and rendered HTML updated, and the review line made honest. Saves nothing itself.</summary>
public sealed class PostContentWriter(BlogDbContext db, MarkdownRenderer renderer, TimeProvider clock)
{
    public async Task ReplaceContentAsync(Post post, PostContent content, string? userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(post);
        ArgumentNullException.ThrowIfNull(content);
        var now = clock.GetUtcNow().UtcDateTime;
        var isNew = post.Id == 0;
        var before = isNew ? null : post.Content();
        var textChanges = before is null || !before.SameTextAs(content);
        if (before is not null && textChanges && !await IsKeptAsync(post.Id, before, cancellationToken))
        {
            db.PostRevisions.Add(PostRevision.Of(post.Id, before, now, userId));
        }

        var isPublic = post.Status is PostStatus.Published or PostStatus.Scheduled;
        if (before is not null && before.Slug != content.Slug && post.PublishedAt is not null && isPublic)
        {
            db.PostSlugRedirects.Add(new PostSlugRedirect { OldSlug = before.Slug, PostId = post.Id, CreatedAt = now });
        }

        // A slug taken back from an old redirect now means this post.
        db.PostSlugRedirects.RemoveRange(await db.PostSlugRedirects.Where(r => r.OldSlug == content.Slug).ToListAsync(cancellationToken));

        post.Title = content.Title;
        post.Slug = content.Slug;
        post.Summary = content.Summary;
        post.SetBody(content.Body, renderer, await db.ImagesInAsync(content.Body, cancellationToken));
        var cover = content.CoverImage is null ? null
            : await db.MediaFiles.AsNoTracking().SingleOrDefaultAsync(m => m.FileName == content.CoverImage, cancellationToken);
        post.CoverImage = cover?.FileName;
        post.CoverImageWidth = cover?.Width;
        post.CoverImageHeight = cover?.Height;
        post.CoverImageVariantWidths = cover?.VariantWidths;
        await ApplyTagsAsync(post, content.Tags, cancellationToken);
        if (textChanges)
        {
            post.TextChangedAt = now;
            if (isPublic && post.PublishedAt <= now)
            {
                post.ContentUpdatedAt = now;
            }
        }

        post.ReviewIsStale = post.ReviewedContentHash is not null && post.ReviewedContentHash != content.Fingerprint();
    }

    /// <summary>Records a sign-off of the post's own (draft or live) text, with a revision holding that
    /// text, so a later review can show what changed since. The post must be saved already.</summary>
    public void RecordReview(Post post, int reviewerId, DateTime reviewedAt, string signedOffById)
    {
        ArgumentNullException.ThrowIfNull(post);
        var content = post.Content();
        post.ReviewerId = reviewerId;
        post.ReviewedAt = reviewedAt;
        post.ReviewedContentHash = content.Fingerprint();
        post.ReviewIsStale = false;
        var snapshot = PostRevision.Of(post.Id, content, clock.GetUtcNow().UtcDateTime, null);
        snapshot.ReviewerId = reviewerId;
        snapshot.ReviewedAt = reviewedAt;
        snapshot.SignedOffById = signedOffById;
        db.PostRevisions.Add(snapshot);
    }

    /// <summary>Puts the post's signed-off pending changes live: their content (the live words kept as a
    /// revision), their sign-off as the post's review, and "Last updated" now, all in the caller's save.</summary>
    public async Task PublishPendingAsync(Post post, PostRevision pending, string? userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(post);
        ArgumentNullException.ThrowIfNull(pending);
        var content = pending.Content(post.Content());
        if (pending.ReviewerId is { } reviewerId && pending.ReviewedAt is { } reviewedAt)
        {
            post.ReviewerId = reviewerId;
            post.ReviewedAt = reviewedAt;
            post.ReviewedContentHash = content.Fingerprint();
        }

        await ReplaceContentAsync(post, content, userId, cancellationToken);
        post.PendingRevisionId = null;
        post.PendingSinceRevisionId = null;
    }

    /// <summary>True when the newest revision already holds these words (a sign-off keeps them, for one).</summary>
    private async Task<bool> IsKeptAsync(int postId, PostContent content, CancellationToken cancellationToken) =>
        await db.PostRevisions.Where(r => r.PostId == postId).OrderByDescending(r => r.Id).Select(r => r.ContentHash)
            .FirstOrDefaultAsync(cancellationToken) == content.Fingerprint();

    private async Task ApplyTagsAsync(Post post, IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        var slugs = names.Select(SlugGenerator.Generate).ToList();
        var existing = await db.Tags.Where(t => slugs.Contains(t.Slug)).ToListAsync(cancellationToken);
        post.Tags.Clear();
        foreach (var (name, slug) in names.Zip(slugs))
        {
            if (post.Tags.Any(t => t.Slug == slug))
            {
                continue;
            }

            post.Tags.Add(existing.FirstOrDefault(t => t.Slug == slug) ?? new Tag { Name = name, Slug = slug });
        }
    }
}
