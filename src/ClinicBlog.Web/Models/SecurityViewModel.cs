namespace ClinicBlog.Web.Models;

/// <summary>The account security page: password form and two-factor state.</summary>
public sealed record SecurityViewModel(ChangePasswordViewModel Password, bool TwoFactorEnabled, bool TwoFactorRequired, string? Message)
{
    /// <summary>A generated or one-time password must be replaced before anything else.</summary>
    public bool MustChangePassword { get; init; }

    /// <summary>The form that turns two-factor sign-in off (fields prefixed "Off").</summary>
    public required TwoFactorConfirmForm Off { get; init; }

    /// <summary>The form that moves two-factor sign-in to a new key (fields prefixed "Reset").</summary>
    public required TwoFactorConfirmForm Reset { get; init; }
}
