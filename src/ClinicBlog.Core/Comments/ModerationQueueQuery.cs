using ClinicBlog.Core.Data;
using ClinicBlog.Core.Paging;
using ClinicBlog.Core.Posts;
using ClinicBlog.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace ClinicBlog.Core.Comments;

/// <summary>Reads the moderation queue: urgent first, then newest, limited to what the moderator may see.</summary>
public sealed class ModerationQueueQuery(CommentModerationService moderation, BlogDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyDictionary<CommentStatus, int>> CountsAsync(StaffMember who, CancellationToken cancellationToken)
    {
        var grouped = await moderation.Scope(who).AsNoTracking()
            .GroupBy(c => c.Status)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return Enum.GetValues<CommentStatus>().ToDictionary(s => s, s => grouped.FirstOrDefault(g => g.Key == s)?.Count ?? 0);
    }

    public Task<int> UrgentPendingCountAsync(StaffMember who, CancellationToken cancellationToken) =>
        moderation.Scope(who).CountAsync(c => c.Status == CommentStatus.Pending && c.IsUrgent, cancellationToken);

    public async Task<PagedList<QueuedComment>> ListAsync(
        StaffMember who, CommentStatus status, int page, int pageSize, CancellationToken cancellationToken)
    {
        var query = moderation.Scope(who).AsNoTracking().Where(c => c.Status == status);
        var total = await query.CountAsync(cancellationToken);
        var items = await Project(query
                .OrderByDescending(c => c.IsUrgent).ThenByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
                .Skip((page - 1) * pageSize).Take(pageSize))
            .ToListAsync(cancellationToken);
        return new PagedList<QueuedComment>(items, page, pageSize, total);
    }

    public Task<List<QueuedComment>> FindAsync(StaffMember who, IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        Project(moderation.Scope(who).AsNoTracking().Where(c => ids.Contains(c.Id)).OrderByDescending(c => c.CreatedAt))
            .ToListAsync(cancellationToken);

    public Task<List<BanListItem>> ActiveBansAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.CommenterBans.AsNoTracking()
            .Where(b => b.ExpiresAt == null || b.ExpiresAt > now)
            .OrderByDescending(b => b.CreatedAt)
            .Select(b => new BanListItem(b.Id, b.Email, b.IpHash != null, b.Reason, b.CreatedAt, b.ExpiresAt))
            .ToListAsync(cancellationToken);
    }

    private static IQueryable<QueuedComment> Project(IQueryable<Comment> query) =>
        query.Select(c => new QueuedComment(
            c.Id, c.PostId, c.Post.Title, c.Post.Slug, c.ParentId, c.AuthorName, c.AuthorEmail, c.CreatedAt,
            c.Body, c.BodyHtml, c.Status, c.IsUrgent, c.IsFromStaff, c.ModerationReason));
}
