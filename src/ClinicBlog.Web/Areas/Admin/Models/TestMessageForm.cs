using System.ComponentModel.DataAnnotations;

namespace ClinicBlog.Web.Areas.Admin.Models;

public class TestMessageForm
{
    [Required(ErrorMessage = "Enter the address to send the test message to.")]
    [EmailAddress(ErrorMessage = "Enter an email address such as name@example.org.")]
    [StringLength(254, ErrorMessage = "An email address is at most 254 characters.")]
    public string? Email { get; set; }
}
