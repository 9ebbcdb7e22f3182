namespace ClinicBlog.Web.Models;

/// <summary>The comment form as posted. Validation lives in <c>CommentSubmissionService</c>, the one
/// place that knows the rules; its messages are put next to these fields.</summary>
public class CommentFormModel
{
    public string? Name { get; set; }

    public string? Email { get; set; }

    public string? Body { get; set; }

    public int? ParentId { get; set; }

    /// <summary>The honeypot: hidden from people, filled in by bots.</summary>
    public string? Website { get; set; }
}
