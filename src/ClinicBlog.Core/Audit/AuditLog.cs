using System.Globalization;
using ClinicBlog.Core.Data;

namespace ClinicBlog.Core.Audit;

/// <summary>Writes audit entries into the scope's <see cref="BlogDbContext"/>.</summary>
public sealed class AuditLog(BlogDbContext db, TimeProvider clock) : IAuditLog
{
    public void Record(AuditAction action, string? userId, string? entityId = null, string? details = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            UserId = userId,
            Action = action.Code,
            EntityType = action.Subject,
            EntityId = entityId,
            Details = details,
        });
    }

    public void Record(AuditAction action, string? userId, int entityId, string? details = null) =>
        Record(action, userId, entityId.ToString(CultureInfo.InvariantCulture), details);
}
