using ClinicBlog.Core.Posts;

namespace ClinicBlog.Core.Reviews;

/// <summary>What the reviewer's page shows: the text under review (a live post's pending changes, or the
/// post's own text) against the text last signed off, and what may be done with it.</summary>
public sealed record ReviewPage(int PostId, string LiveTitle, PostStatus Status, PostContent Candidate, ReviewDiff Diff)
{
    /// <summary>The text under review is a live post's pending changes (readers see the signed-off text).</summary>
    public int? PendingRevisionId { get; init; }

    /// <summary>The fingerprint of the text under review, carried by the sign-off form.</summary>
    public required string Fingerprint { get; init; }

    /// <summary>Who signed off the text the changes are shown against, and when; null when none was.</summary>
    public string? BaseReviewer { get; init; }

    public DateTime? BaseReviewedAt { get; init; }

    /// <summary>A sign-off already given to exactly the text under review.</summary>
    public string? SignedOffBy { get; init; }

    public DateTime? SignedOffAt { get; init; }

    /// <summary>True when this staff member may sign the text off now; otherwise <see cref="CannotSignOff"/> says why.</summary>
    public bool CanSignOff { get; init; }

    public string? CannotSignOff { get; init; }

    /// <summary>An Editor or Admin may publish the pending changes (they are signed off) or discard them.</summary>
    public bool CanPublish { get; init; }

    public bool CanDiscard { get; init; }
}
