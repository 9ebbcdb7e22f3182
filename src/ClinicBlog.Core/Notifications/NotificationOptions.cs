using System.ComponentModel.DataAnnotations;

namespace ClinicBlog.Core.Notifications;

/// <summary>How staff are notified, bound from <c>Blog:Notifications</c>.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Blog:Notifications";

    /// <summary>Ordinary held comments are gathered into one digest once the oldest has waited this long.</summary>
    [Range(1, 1_440)]
    public int DigestMinutes { get; set; } = 30;

    /// <summary>Urgent comments are told at once, but at most one round of urgent messages goes out in this
    /// many minutes: comments arriving meanwhile wait for the next round, which says how many came, so a
    /// flood of comments cannot flood staff inboxes. 0 sends a round for every urgent comment.</summary>
    [Range(0, 60)]
    public int UrgentIntervalMinutes { get; set; } = 5;

    /// <summary>How often the background sender looks for work (urgent comments also wake it at once).</summary>
    [Range(1, 3_600)]
    public int PollSeconds { get; set; } = 15;

    /// <summary>Delivery attempts before a message is marked failed (with growing pauses, up to an hour).</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 12;
}
