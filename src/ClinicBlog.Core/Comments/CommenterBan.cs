namespace ClinicBlog.Core.Comments;

/// <summary>A commenter whose later comments go straight to Spam, matched by email or by IP hash.</summary>
public class CommenterBan
{
    /// <summary>The longest ban with an end, in days (ten years); longer means "without end".</summary>
    public const int MaxDays = 3_650;

    public const int ReasonMaxLength = 500;

    public const string DaysMessage = "Enter a number of days from 1 to 3,650, or leave it empty for a ban without end.";

    public int Id { get; set; }

    /// <summary>The banned email, lower-cased; null when the ban is by IP hash only.</summary>
    public string? Email { get; set; }

    /// <summary>The banned salted IP hash; null when the ban is by email only.</summary>
    public string? IpHash { get; set; }

    public string? Reason { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>When the ban ends; null for never.</summary>
    public DateTime? ExpiresAt { get; set; }

    public string? CreatedById { get; set; }
}
