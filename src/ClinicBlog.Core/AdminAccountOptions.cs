using System.ComponentModel.DataAnnotations;

namespace ClinicBlog.Core;

/// <summary>Credentials for the first administrator account.</summary>
public sealed class AdminAccountOptions
{
    /// <summary>The fallback sign-in email when <see cref="Email"/> is not set.</summary>
    public const string DefaultEmail = "admin@clinicblog.local";

    /// <summary>Email of the first admin; <see cref="DefaultEmail"/> when not set.</summary>
    [EmailAddress]
    public string? Email { get; set; }

    /// <summary>Password of the first admin; when not set a strong one is generated and logged once.</summary>
    public string? Password { get; set; }
}
