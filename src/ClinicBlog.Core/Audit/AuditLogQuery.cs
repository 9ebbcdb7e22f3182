using ClinicBlog.Core.Data;
using ClinicBlog.Core.Paging;
using ClinicBlog.Core.Posts;
using Microsoft.EntityFrameworkCore;

namespace ClinicBlog.Core.Audit;

/// <summary>Reads the audit log, newest first.</summary>
public sealed class AuditLogQuery(BlogDbContext db)
{
    public async Task<PagedList<AuditListItem>> ListAsync(int page, int pageSize, CancellationToken cancellationToken)
    {
        var total = await db.AuditEntries.CountAsync(cancellationToken);
        var items = await db.AuditEntries.AsNoTracking()
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(e => new AuditListItem(e.At, db.Users.Where(u => u.Id == e.UserId).Select(u => u.Email).FirstOrDefault(), e.Action, e.EntityType, e.EntityId, e.Details))
            .ToListAsync(cancellationToken);
        return new PagedList<AuditListItem>(items, page, pageSize, total);
    }
}
