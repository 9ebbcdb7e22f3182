using System.ComponentModel.DataAnnotations;

namespace ClinicBlog.Web.Models;

/// <summary>Proof that the person at the keyboard owns the account, asked before two-factor sign-in is
/// turned off or moved to a new key: a stolen session alone cannot do either.</summary>
public class TwoFactorConfirmViewModel
{
    [Required(ErrorMessage = "Enter your current password.")]
    [DataType(DataType.Password)]
    [Display(Name = "Current password")]
    public string CurrentPassword { get; set; } = string.Empty;

    [Required(ErrorMessage = "Enter the 6-digit code your app shows now.")]
    [Display(Name = "Code from your app")]
    public string Code { get; set; } = string.Empty;
}
