namespace ClinicBlog.Core.Audit;

/// <summary>An audit entry as the Admin's log shows it, with the staff member's email.</summary>
public sealed record AuditListItem(DateTime At, string? StaffEmail, string Action, string EntityType, string? EntityId, string? Details);
