using System.ComponentModel.DataAnnotations;

namespace ClinicBlog.Web.Models;

/// <summary>Turning on two-factor sign-in: the key to scan and the code that proves it works.</summary>
public sealed class TwoFactorSetupViewModel
{
    public string SharedKey { get; set; } = string.Empty;

    public string QrCodeDataUrl { get; set; } = string.Empty;

    [Required(ErrorMessage = "Enter the 6-digit code your app shows.")]
    [Display(Name = "Code from the app")]
    public string Code { get; set; } = string.Empty;
}
