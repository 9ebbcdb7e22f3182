using System.ComponentModel.DataAnnotations;
using ClinicBlog.Core.Notifications;

namespace ClinicBlog.Web.Areas.Admin.Models;

public sealed record NotificationsViewModel(IReadOnlyList<Notification> Recent, string? SmtpServer, TestMessageForm Form, string? Message);

public sealed class TestMessageForm
{
    [Required(ErrorMessage = "Enter the address to send the test message to.")]
    [EmailAddress(ErrorMessage = "Enter an email address such as name@example.org.")]
    [StringLength(254, ErrorMessage = "An email address is at most 254 characters.")]
    public string? Email { get; set; }
}

public sealed record DataRequestViewModel(DataRequestForm Form, int? Found);

public sealed class DataRequestForm
{
    [Required(ErrorMessage = "Enter the email address the commenter used.")]
    [EmailAddress(ErrorMessage = "Enter an email address such as name@example.org.")]
    [StringLength(254, ErrorMessage = "An email address is at most 254 characters.")]
    public string? Email { get; set; }
}
