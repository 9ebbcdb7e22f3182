
namespace ClinicBlog.Web.Areas.Admin.Models;

/// <summary>The "reply as staff" form.</summary>
public class StaffReplyForm
{
    public string? Body { get; set; }

    /// <summary>Index of a canned reply to use instead of typing.</summary>
    public int? Canned { get; set; }
}
