namespace ClinicBlog.Core.Dashboard;

/// <summary>The work waiting for one staff member, shown beside the staff navigation's entries.</summary>
/// <param name="PendingComments">Comments waiting for this moderator.</param>
/// <param name="UrgentComments">Of those, the ones that may describe a crisis.</param>
/// <param name="PostsAwaitingReview">Live posts with changes awaiting review and drafts submitted for publication
/// (for those who read every post; an Author counts their own).</param>
public sealed record StaffWaitingWork(int PendingComments, int UrgentComments, int PostsAwaitingReview);
