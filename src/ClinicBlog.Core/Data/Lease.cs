namespace ClinicBlog.Core.Data;

/// <summary>A row that lets one instance of the blog at a time do a piece of background work (send
/// the outbox, sweep old IP hashes, look for scheduled posts, import a WordPress export), however many instances share the database.</summary>
public class Lease
{
    public const string Notifications = "notifications";
    public const string IpRetention = "ip-retention";
    public const string ScheduledPublication = "scheduled-publication";
    public const string Import = "wordpress-import";

    public required string Name { get; set; }

    /// <summary>The instance holding it (<see cref="InstanceLeases.Holder"/>), or null for a round claimed by whoever came first.</summary>
    public string? Holder { get; set; }

    /// <summary>When the lease ends; after that any instance may take it.</summary>
    public DateTime ExpiresAt { get; set; }
}
