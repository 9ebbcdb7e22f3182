using System.ComponentModel.DataAnnotations;

namespace ClinicBlog.Web.Areas.Admin.Models;

public class DataRequestForm
{
    [Required(ErrorMessage = "Enter the email address the commenter used.")]
    [EmailAddress(ErrorMessage = "Enter an email address such as name@example.org.")]
    [StringLength(254, ErrorMessage = "An email address is at most 254 characters.")]
    public string? Email { get; set; }
}
