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
}
