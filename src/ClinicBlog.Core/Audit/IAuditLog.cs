namespace ClinicBlog.Core.Audit;

/// <summary>The one door to the audit log. <see cref="Record(AuditAction, string?, string?, string?)"/>
/// adds the entry to the unit of work without saving it, so it is written by the same <c>SaveChanges</c>
/// as the change it describes: both land or neither does. (An entry naming a row that the database has
/// yet to number is saved right after that row, inside the same transaction.)</summary>
public interface IAuditLog
{
    /// <summary>Adds, without saving, who did what to which entity. <paramref name="userId"/> is null for
    /// the system itself; <paramref name="details"/> never holds a commenter's personal data.</summary>
    void Record(AuditAction action, string? userId, string? entityId = null, string? details = null);

    /// <inheritdoc cref="Record(AuditAction, string?, string?, string?)"/>
    void Record(AuditAction action, string? userId, int entityId, string? details = null);
}
