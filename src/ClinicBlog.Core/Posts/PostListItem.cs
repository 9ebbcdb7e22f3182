namespace ClinicBlog.Core.Posts;

/// <summary>A post as the staff list shows it.</summary>
public sealed record PostListItem(
    int Id, string Title, string Slug, PostStatus Status, string AuthorName, DateTime UpdatedAt, DateTime? PublishedAt,
    int ApprovedComments, int PendingComments, bool NeedsReview, DateTime? SubmittedAt)
{
    /// <summary>Staff edits to the live post wait for review ("Changes awaiting review").</summary>
    public bool HasPendingChanges { get; init; }
}
