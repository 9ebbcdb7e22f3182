using ClinicBlog.Core.Comments;
using ClinicBlog.Core.Data;
using ClinicBlog.Core.Paging;
using ClinicBlog.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClinicBlog.Core.Posts;

/// <summary>Reads posts for the staff pages. Authors see their own posts; Reviewers, Admins and Editors all.</summary>
public sealed class PostAdminQuery(BlogDbContext db, IOptions<PostOptions> options, TimeProvider clock)
{
    public async Task<PagedList<PostListItem>> ListAsync(
        StaffMember editor, PostStatus? status, string? search, int page, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(editor);
        var query = db.Posts.AsNoTracking();
        if (!StaffPermissions.ReadsEveryPost(editor))
        {
            query = query.Where(p => p.AuthorId == editor.AuthorId);
        }

        if (status is { } s)
        {
            query = query.Where(p => p.Status == s);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            var pattern = "%" + LikePattern.Literal(term) + "%";
            // SQLite's LIKE ignores ASCII case; PostgreSQL's ILIKE is its case-insensitive counterpart.
            query = db.Database.IsSqlite()
                ? query.Where(p => EF.Functions.Like(p.Title, pattern, LikePattern.Escape))
                : query.Where(p => EF.Functions.ILike(p.Title, pattern, LikePattern.Escape));
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(p => p.UpdatedAt).ThenByDescending(p => p.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(p => new PostListItem(
                p.Id, p.Title, p.Slug, p.Status, p.Author.DisplayName, p.UpdatedAt, p.PublishedAt,
                p.Comments.Count(c => c.Status == CommentStatus.Approved),
                p.Comments.Count(c => c.Status == CommentStatus.Pending),
                p.ReviewedContentHash == null || p.ReviewIsStale,
                p.SubmittedAt)
            {
                HasPendingChanges = p.PendingRevisionId != null,
            })
            .ToListAsync(cancellationToken);
        return new PagedList<PostListItem>(items, page, pageSize, total);
    }

    public async Task<PostForEditing?> FindAsync(int id, CancellationToken cancellationToken)
    {
        var post = await db.Posts.AsNoTracking().Include(p => p.Tags).Include(p => p.Reviewer).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (post is null)
        {
            return null;
        }

        var pending = post.PendingRevisionId is { } pendingId
            ? await db.PostRevisions.AsNoTracking().Include(r => r.Reviewer).SingleOrDefaultAsync(r => r.Id == pendingId && r.PostId == id, cancellationToken)
            : null;
        var live = post.Content();
        var content = pending?.Content(live) ?? live;
        var (reviewerId, reviewedAt) = PostEditorService.ReviewShownInEditor(post, pending);
        var input = new PostInput
        {
            Title = content.Title,
            Slug = content.Slug,
            Summary = content.Summary,
            Body = content.Body,
            Tags = content.TagList,
            AuthorId = post.AuthorId,
            ReviewerId = reviewerId,
            ReviewedAt = reviewedAt,
            CommentsOpen = post.CommentsOpen,
            Status = post.Status,
            PublishAt = post.PublishedAt,
            CoverImage = content.CoverImage,
            ConcurrencyStamp = post.ConcurrencyStamp,
        };
        return new PostForEditing(id, input, post.Status, post.Reviewer?.DisplayName, post.ReviewedAt, post.ReviewIsStale, post.SubmittedAt, post.AuthorId)
        {
            LiveTitle = post.Title,
            LiveSlug = post.Slug,
            PendingRevisionId = pending?.Id,
            PendingSavedAt = pending?.CreatedAt,
            PendingSignedOffBy = pending?.Reviewer?.DisplayName,
            PendingSignedOffAt = pending?.ReviewedAt,
            PendingCanBePublished = pending is not null
                && (pending.ReviewedAt is not null || post.ReviewedContentHash == content.Fingerprint()),
        };
    }

    public Task<List<RevisionItem>> RevisionsAsync(int postId, CancellationToken cancellationToken) =>
        db.PostRevisions.AsNoTracking().Where(r => r.PostId == postId)
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Select(r => new RevisionItem(r.Id, r.CreatedAt, r.Title, r.Body.Length, r.Reviewer == null ? null : r.Reviewer.DisplayName))
            .ToListAsync(cancellationToken);

    public Task<List<AuthorChoice>> AuthorsAsync(CancellationToken cancellationToken) =>
        db.Authors.AsNoTracking().OrderBy(a => a.DisplayName)
            .Select(a => new AuthorChoice(a.Id, a.DisplayName, a.Slug, a.Credentials) { HasLogin = db.Users.Any(u => u.AuthorId == a.Id) })
            .ToListAsync(cancellationToken);

    /// <summary>Published posts never reviewed, edited since their review, or past the review interval, one
    /// page at a time (after an import, thousands can be due at once): never reviewed first, then the
    /// oldest review.</summary>
    public async Task<PagedList<ReviewDueItem>> ReviewDueAsync(int page, int pageSize, CancellationToken cancellationToken)
    {
        var months = options.Value.ReviewIntervalMonths;
        var threshold = clock.GetUtcNow().UtcDateTime.AddMonths(-months);
        var due = db.Posts.AsNoTracking()
            .Where(p => p.Status == PostStatus.Published || p.Status == PostStatus.Scheduled)
            .Where(p => p.ReviewedAt == null || p.ReviewIsStale || p.ReviewedAt <= threshold);
        var total = await due.CountAsync(cancellationToken);
        // Spelled out: SQLite sorts NULLs first and PostgreSQL last.
        var rows = await due.OrderBy(p => p.ReviewedAt != null).ThenBy(p => p.ReviewedAt).ThenBy(p => p.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(p => new ReviewDueItem(p.Id, p.Title, p.Slug, p.Reviewer == null ? null : p.Reviewer.DisplayName, p.ReviewedAt, p.ReviewIsStale, null) { Imported = p.ImportKey != null })
            .ToListAsync(cancellationToken);
        return new PagedList<ReviewDueItem>(rows.Select(r => r with { DueAt = r.ReviewedAt?.AddMonths(months) }).ToList(), page, pageSize, total);
    }

    /// <summary>The version someone else saved while an editor had the post open: the pending changes,
    /// when the post has some, else its own text.</summary>
    public async Task<PostConflict?> ConflictAsync(int postId, CancellationToken cancellationToken)
    {
        var theirs = await db.Posts.AsNoTracking().Where(p => p.Id == postId)
            .Select(p => new { p.Title, p.Summary, p.Body, p.ConcurrencyStamp, p.UpdatedAt, p.PendingRevisionId })
            .SingleOrDefaultAsync(cancellationToken);
        if (theirs is null)
        {
            return null;
        }

        // Their version is what they saved: the pending changes, when the post has some.
        var pending = theirs.PendingRevisionId is { } pendingId
            ? await db.PostRevisions.AsNoTracking().Where(r => r.Id == pendingId).Select(r => new { r.Title, r.Summary, r.Body }).SingleOrDefaultAsync(cancellationToken)
            : null;
        return pending is null
            ? new PostConflict(theirs.Title, theirs.Summary, theirs.Body, theirs.ConcurrencyStamp, theirs.UpdatedAt)
            : new PostConflict(pending.Title, pending.Summary, pending.Body, theirs.ConcurrencyStamp, theirs.UpdatedAt);
    }
}
