using ClinicBlog.Core.Comments;
using ClinicBlog.Core.Data;
using ClinicBlog.Core.Posts;
using ClinicBlog.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace ClinicBlog.Core.Dashboard;

/// <summary>Counts posts by status and the comments waiting for this moderator (urgent ones apart).</summary>
public sealed class StaffDashboardQuery(BlogDbContext db, CommentModerationService moderation)
{
    /// <param name="who">The staff member, as a moderator.</param>
    /// <param name="seesAllPosts">Admins, Editors and Reviewers see every post's pending changes; Authors their own.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    public async Task<DashboardCounts> GetCountsAsync(StaffMember who, bool seesAllPosts, CancellationToken cancellationToken)
    {
        var grouped = await db.Posts.AsNoTracking()
            .GroupBy(p => p.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var byStatus = Enum.GetValues<PostStatus>().ToDictionary(s => s, s => grouped.FirstOrDefault(g => g.Status == s)?.Count ?? 0);
        var waiting = await moderation.Scope(who).Where(c => c.Status == CommentStatus.Pending)
            .GroupBy(c => c.IsUrgent)
            .Select(g => new { Urgent = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var submitted = await db.Posts.CountAsync(p => p.SubmittedAt != null && p.Status == PostStatus.Draft, cancellationToken);
        var changes = await db.Posts.AsNoTracking()
            .Where(p => p.PendingRevisionId != null && (seesAllPosts || p.AuthorId == who.AuthorId))
            .OrderByDescending(p => p.UpdatedAt)
            .Select(p => new PendingChangesItem(p.Id, p.Title, db.PostRevisions.Any(r => r.Id == p.PendingRevisionId && r.ReviewedAt != null)))
            .Take(20)
            .ToListAsync(cancellationToken);
        return new DashboardCounts(byStatus, waiting.Sum(w => w.Count), waiting.Where(w => w.Urgent).Sum(w => w.Count))
        {
            SubmittedPosts = submitted,
            ChangesAwaitingReview = changes,
        };
    }

    /// <summary>The counts the staff navigation shows on every staff page: two small indexed queries.</summary>
    public async Task<StaffWaitingWork> WaitingAsync(StaffMember who, CancellationToken cancellationToken)
    {
        var waiting = await moderation.Scope(who).Where(c => c.Status == CommentStatus.Pending)
            .GroupBy(c => c.IsUrgent)
            .Select(g => new { Urgent = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var everyPost = StaffPermissions.ReadsEveryPost(who);
        var posts = await db.Posts.CountAsync(
            p => (everyPost || p.AuthorId == who.AuthorId)
                 && (p.PendingRevisionId != null || (p.SubmittedAt != null && p.Status == PostStatus.Draft)),
            cancellationToken);
        return new StaffWaitingWork(waiting.Sum(w => w.Count), waiting.Where(w => w.Urgent).Sum(w => w.Count), posts);
    }
}
