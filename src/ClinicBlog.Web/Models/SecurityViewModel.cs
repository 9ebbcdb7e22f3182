namespace ClinicBlog.Web.Models;

/// <summary>The account security page: password form and two-factor state.</summary>
public sealed record SecurityViewModel(ChangePasswordViewModel Password, bool TwoFactorEnabled, bool TwoFactorRequired, string? Message)
{
    /// <summary>A generated or one-time password must be replaced before anything else.</summary>
    public bool MustChangePassword { get; init; }
}
