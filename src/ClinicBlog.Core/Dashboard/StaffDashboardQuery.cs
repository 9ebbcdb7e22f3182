using ClinicBlog.Core.Comments;
using ClinicBlog.Core.Data;
using ClinicBlog.Core.Posts;
using Microsoft.EntityFrameworkCore;

namespace ClinicBlog.Core.Dashboard;

/// <summary>What the staff dashboard shows at a glance.</summary>
public sealed record DashboardCounts(IReadOnlyDictionary<PostStatus, int> PostsByStatus, int CommentsAwaitingModeration);

/// <summary>Counts posts by status and comments waiting for a moderator, in two grouped queries.</summary>
public sealed class StaffDashboardQuery(BlogDbContext db)
{
    public async Task<DashboardCounts> GetCountsAsync(CancellationToken cancellationToken)
    {
        var grouped = await db.Posts.AsNoTracking()
            .GroupBy(p => p.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var byStatus = Enum.GetValues<PostStatus>().ToDictionary(s => s, s => grouped.FirstOrDefault(g => g.Status == s)?.Count ?? 0);
        var pending = await db.Comments.CountAsync(c => c.Status == CommentStatus.Pending, cancellationToken);
        return new DashboardCounts(byStatus, pending);
    }
}
