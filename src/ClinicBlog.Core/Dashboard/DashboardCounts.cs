using ClinicBlog.Core.Posts;

namespace ClinicBlog.Core.Dashboard;

/// <summary>What the staff dashboard shows at a glance.</summary>
public sealed record DashboardCounts(IReadOnlyDictionary<PostStatus, int> PostsByStatus, int CommentsAwaitingModeration, int UrgentComments)
{
    /// <summary>Drafts their authors submitted for review and publication.</summary>
    public int SubmittedPosts { get; init; }

    /// <summary>Live posts whose staff edits wait for review (an Author's own only), newest first.</summary>
    public IReadOnlyList<PendingChangesItem> ChangesAwaitingReview { get; init; } = [];
}
