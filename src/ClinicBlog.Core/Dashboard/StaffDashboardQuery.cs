using ClinicBlog.Core.Comments;
using ClinicBlog.Core.Data;
using ClinicBlog.Core.Posts;
using Microsoft.EntityFrameworkCore;

namespace ClinicBlog.Core.Dashboard;

/// <summary>What the staff dashboard shows at a glance.</summary>
public sealed record DashboardCounts(IReadOnlyDictionary<PostStatus, int> PostsByStatus, int CommentsAwaitingModeration, int UrgentComments)
{
    /// <summary>Drafts their authors submitted for review and publication.</summary>
    public int SubmittedPosts { get; init; }
}

/// <summary>Counts posts by status and the comments waiting for this moderator (urgent ones apart).</summary>
public sealed class StaffDashboardQuery(BlogDbContext db, CommentModerationService moderation)
{
    public async Task<DashboardCounts> GetCountsAsync(Moderator who, CancellationToken cancellationToken)
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
        return new DashboardCounts(byStatus, waiting.Sum(w => w.Count), waiting.Where(w => w.Urgent).Sum(w => w.Count)) { SubmittedPosts = submitted };
    }
}
