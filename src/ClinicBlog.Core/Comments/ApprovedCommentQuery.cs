using ClinicBlog.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace ClinicBlog.Core.Comments;

/// <summary>An approved comment as readers see it, with its approved replies. Never carries the email.</summary>
public sealed record PublicComment(int Id, string AuthorName, DateTime CreatedAt, string BodyHtml, bool IsFromStaff, IReadOnlyList<PublicComment> Replies);

/// <summary>Reads the approved comments of a post in one query and arranges replies under their parent.</summary>
public sealed class ApprovedCommentQuery(BlogDbContext db)
{
    /// <summary>The thread of a post: top-level comments oldest first, each with its replies oldest first.
    /// A reply whose parent is not approved is not shown: it would read out of context.</summary>
    public async Task<CommentThread> ForPostAsync(int postId, CancellationToken cancellationToken)
    {
        var rows = await db.Comments.AsNoTracking()
            .Where(c => c.PostId == postId && c.Status == CommentStatus.Approved)
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.ParentId, c.AuthorName, c.CreatedAt, c.BodyHtml, c.IsFromStaff })
            .ToListAsync(cancellationToken);

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
        return new CommentThread(thread, thread.Sum(c => 1 + c.Replies.Count));
    }
}

/// <summary>The visible comments of a post and how many there are in all (replies included).</summary>
public sealed record CommentThread(IReadOnlyList<PublicComment> Comments, int Count);
