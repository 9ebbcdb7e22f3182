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

/// <summary>How connections to the SMTP server are secured.</summary>
public enum SmtpSecurity
{
    /// <summary>TLS on connect for port 465, STARTTLS when the server offers it otherwise.</summary>
    Auto,

    /// <summary>Plain text (a local mail catcher only).</summary>
    None,

    /// <summary>STARTTLS, required.</summary>
    StartTls,

    /// <summary>TLS from the first byte (usually port 465).</summary>
    SslOnConnect,
}

/// <summary>The SMTP server for staff notifications, bound from <c>Blog:Smtp</c>. Without a host the
/// blog works as before and notifications are only listed in the admin.</summary>
public sealed class SmtpOptions : IValidatableObject
{
    public const string Section = "Blog:Smtp";

    /// <summary>The SMTP server's host name; empty turns email off.</summary>
    public string? Host { get; set; }

    [Range(1, 65_535)]
    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;

    /// <summary>The user name, when the server wants one.</summary>
    public string? User { get; set; }

    /// <summary>The password (set it through an environment variable or a secret store, not a file in the repository).</summary>
    public string? Password { get; set; }

    /// <summary>The sender address of every message.</summary>
    [EmailAddress]
    public string? From { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (IsConfigured && string.IsNullOrWhiteSpace(From))
        {
            yield return new ValidationResult("Blog:Smtp:From must be set when Blog:Smtp:Host is.", [nameof(From)]);
        }

        if (!string.IsNullOrEmpty(User) && string.IsNullOrEmpty(Password))
        {
            yield return new ValidationResult("Blog:Smtp:Password must be set when Blog:Smtp:User is.", [nameof(Password)]);
        }
    }
}
