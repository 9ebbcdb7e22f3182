using System.ComponentModel.DataAnnotations;

namespace ClinicBlog.Core.Posts;

/// <summary>Publishing rules, bound from <c>Blog:Posts</c>.</summary>
public sealed class PostOptions
{
    public const string Section = "Blog:Posts";

    /// <summary>A post cannot be published until a clinician has signed off its current text.</summary>
    public bool RequireReview { get; set; } = true;

    /// <summary>Months after a review when the post is due to be reviewed again.</summary>
    [Range(1, 120)]
    public int ReviewIntervalMonths { get; set; } = 12;

    /// <summary>The reading grade the editor's preview aims at (Flesch–Kincaid; patient-education guidance
    /// asks for grade 8 or below). Above it the preview warns; it never blocks publishing.</summary>
    [Range(1, 20)]
    public int TargetReadingGrade { get; set; } = 8;
}
