using System.ComponentModel.DataAnnotations;

namespace ClinicBlog.Core.Comments;

/// <summary>A ready-made staff reply.</summary>
public sealed class CannedReply
{
    [Required]
    public string Title { get; set; } = string.Empty;

    [Required]
    public string Text { get; set; } = string.Empty;
}
