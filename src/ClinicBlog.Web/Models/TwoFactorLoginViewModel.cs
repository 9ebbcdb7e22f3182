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
