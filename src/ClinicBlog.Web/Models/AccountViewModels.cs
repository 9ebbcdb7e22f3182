using System.ComponentModel.DataAnnotations;

namespace ClinicBlog.Web.Models;

/// <summary>The second step of sign-in: the code from the authenticator app.</summary>
public sealed class TwoFactorLoginViewModel
{
    [Required(ErrorMessage = "Enter the 6-digit code from your authenticator app.")]
    [RegularExpression(@"^\s*\d{3}\s?\d{3}\s*$", ErrorMessage = "The code is 6 digits, such as 123 456.")]
    [Display(Name = "Authentication code")]
    public string Code { get; set; } = string.Empty;

    [Display(Name = "Remember this device")]
    public bool RememberMachine { get; set; }

    public bool RememberMe { get; set; }

    public string? ReturnUrl { get; set; }
}

/// <summary>Changing one's own password.</summary>
public sealed class ChangePasswordViewModel
{
    [Required(ErrorMessage = "Enter your current password.")]
    [DataType(DataType.Password)]
    [Display(Name = "Current password")]
    public string CurrentPassword { get; set; } = string.Empty;

    [Required(ErrorMessage = "Enter a new password.")]
    [StringLength(200, MinimumLength = 12, ErrorMessage = "Use at least 12 characters.")]
    [DataType(DataType.Password)]
    [Display(Name = "New password")]
    public string NewPassword { get; set; } = string.Empty;

    [Compare(nameof(NewPassword), ErrorMessage = "The two new passwords differ.")]
    [DataType(DataType.Password)]
    [Display(Name = "New password again")]
    public string ConfirmPassword { get; set; } = string.Empty;
}

/// <summary>Proof that the person at the keyboard owns the account, asked before two-factor sign-in is
/// turned off or moved to a new key: a stolen session alone cannot do either.</summary>
public sealed class TwoFactorConfirmViewModel
{
    [Required(ErrorMessage = "Enter your current password.")]
    [DataType(DataType.Password)]
    [Display(Name = "Current password")]
    public string CurrentPassword { get; set; } = string.Empty;

    [Required(ErrorMessage = "Enter the 6-digit code your app shows now.")]
    [Display(Name = "Code from your app")]
    public string Code { get; set; } = string.Empty;
}

/// <summary>The account security page: password form and two-factor state.</summary>
public sealed record SecurityViewModel(ChangePasswordViewModel Password, bool TwoFactorEnabled, bool TwoFactorRequired, string? Message)
{
    /// <summary>A generated or one-time password must be replaced before anything else.</summary>
    public bool MustChangePassword { get; init; }
}

/// <summary>Turning on two-factor sign-in: the key to scan and the code that proves it works.</summary>
public sealed class TwoFactorSetupViewModel
{
    public string SharedKey { get; set; } = string.Empty;

    public string QrCodeDataUrl { get; set; } = string.Empty;

    [Required(ErrorMessage = "Enter the 6-digit code your app shows.")]
    [Display(Name = "Code from the app")]
    public string Code { get; set; } = string.Empty;
}

/// <summary>Which notification emails a staff member wants.</summary>
public sealed class NotificationChoices
{
    public bool UrgentComments { get; set; }

    public bool HeldComments { get; set; }

    public bool ApprovedComments { get; set; }
}
