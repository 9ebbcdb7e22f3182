namespace ClinicBlog.Core.Comments;

/// <summary>The verdict of the spam and safety rules on a new comment.</summary>
public sealed record ScreeningVerdict(CommentStatus Status, bool IsUrgent, IReadOnlyList<string> Reasons)
{
    public string? ReasonText => Reasons.Count == 0 ? null : string.Join("; ", Reasons);
}
