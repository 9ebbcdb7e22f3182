namespace ClinicBlog.Core.Audit;

/// <summary>One staff action, kept so the clinic can show who did what and when.
/// Never holds personal data of commenters (no emails, no removed text).</summary>
public class AuditEntry
{
    public long Id { get; set; }

    public DateTime At { get; set; }

    /// <summary>The staff user who acted; null for the system itself (seeding, background work).</summary>
    public string? UserId { get; set; }

    /// <summary>What happened, such as "post.published" or "comment.approved".</summary>
    public required string Action { get; set; }

    public required string EntityType { get; set; }

    public string? EntityId { get; set; }

    public string? Details { get; set; }
}
