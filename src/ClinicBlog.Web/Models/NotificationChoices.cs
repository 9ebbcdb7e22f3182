namespace ClinicBlog.Web.Models;

/// <summary>Which notification emails a staff member wants.</summary>
public sealed class NotificationChoices
{
    public bool UrgentComments { get; set; }

    public bool HeldComments { get; set; }

    public bool ApprovedComments { get; set; }
}
