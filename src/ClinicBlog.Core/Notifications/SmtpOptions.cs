using System.ComponentModel.DataAnnotations;

namespace ClinicBlog.Core.Notifications;

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
