using ClinicBlog.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace ClinicBlog.Core.Comments;

/// <summary>Reads one page of a post's approved comments in one query and arranges replies under their parent.</summary>
public sealed class ApprovedCommentQuery(BlogDbContext db)
{
    /// <summary>Top-level comments per page (each with all its replies): a post that draws a thousand
    /// comments still renders a page of bounded size.</summary>
    public const int PageSize = 50;

    private sealed record Row(int Id, int? ParentId, string AuthorName, DateTime CreatedAt, string BodyHtml, bool IsFromStaff);

    /// <summary>One page of the thread of a post: top-level comments oldest first, each with its
    /// replies oldest first. A reply whose parent is not approved is not shown: it would read out of
    /// context. <paramref name="count"/> and <paramref name="topLevelCount"/> come with the post.</summary>
    public async Task<CommentThread> ForPostAsync(int postId, int page, int count, int topLevelCount, CancellationToken cancellationToken)
    {
        if (topLevelCount == 0)
        {
            return new CommentThread([], count, page, 1);
        }

        var rows = new List<Row>();
        await foreach (var row in PageCompiled.For(db)(db, postId, (page - 1) * PageSize, PageSize).WithCancellation(cancellationToken))
        {
            rows.Add(row);
        }

        rows.Sort((a, b) => a.CreatedAt != b.CreatedAt ? a.CreatedAt.CompareTo(b.CreatedAt) : a.Id.CompareTo(b.Id));
        var repliesByParent = rows.Where(r => r.ParentId is not null).ToLookup(r => r.ParentId!.Value);
        var thread = rows.Where(r => r.ParentId is null)
            .Select(r => new PublicComment(
                r.Id,
                r.AuthorName,
                r.CreatedAt,
                r.BodyHtml,
                r.IsFromStaff,
                repliesByParent[r.Id].Select(x => new PublicComment(x.Id, x.AuthorName, x.CreatedAt, x.BodyHtml, x.IsFromStaff, [])).ToList()))
            .ToList();
        return new CommentThread(thread, count, page, (topLevelCount + PageSize - 1) / PageSize);
    }

    /// <summary>A published top-level comment of the post, to reply to; null when there is none with that id.</summary>
    public Task<PublicComment?> FindReplyTargetAsync(int postId, int commentId, CancellationToken cancellationToken) =>
        db.Comments.AsNoTracking()
            .Where(c => c.Id == commentId && c.PostId == postId && c.ParentId == null && c.Status == CommentStatus.Approved)
            .Select(c => new PublicComment(c.Id, c.AuthorName, c.CreatedAt, c.BodyHtml, c.IsFromStaff, new List<PublicComment>()))
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>The page's top-level comments and their replies, in one statement: the page straight
    /// from the (post, status, parent, time) index, the replies by their parent's id. (Filtering all of
    /// a post's comments for the page instead read every row: 12.7 ms for a post with 2,000 comments.)</summary>
    private static readonly CompiledPerProvider<Func<BlogDbContext, int, int, int, IAsyncEnumerable<Row>>> PageCompiled = new(() =>
        EF.CompileAsyncQuery((BlogDbContext db, int postId, int skip, int take) =>
            db.Comments.AsNoTracking()
                .Where(c => c.PostId == postId && c.Status == CommentStatus.Approved && c.ParentId == null)
                .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
                .Skip(skip).Take(take)
                .Concat(db.Comments.AsNoTracking()
                    .Where(c => c.PostId == postId && c.Status == CommentStatus.Approved && c.ParentId != null
                        && db.Comments
                            .Where(t => t.PostId == postId && t.Status == CommentStatus.Approved && t.ParentId == null)
                            .OrderBy(t => t.CreatedAt).ThenBy(t => t.Id)
                            .Skip(skip).Take(take)
                            .Select(t => t.Id)
                            .Contains(c.ParentId!.Value)))
                .Select(c => new Row(c.Id, c.ParentId, c.AuthorName, c.CreatedAt, c.BodyHtml, c.IsFromStaff))));
}
