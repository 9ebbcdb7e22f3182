namespace ClinicBlog.Core.Comments;

/// <summary>A comment as the moderation queue shows it, email included (staff only).</summary>
public sealed record QueuedComment(
    int Id,
    int PostId,
    string PostTitle,
    string PostSlug,
    int? ParentId,
    string AuthorName,
    string? AuthorEmail,
    DateTime CreatedAt,
    string Body,
    string BodyHtml,
    CommentStatus Status,
    bool IsUrgent,
    bool IsFromStaff,
    string? ModerationReason)
{
    /// <summary>The body seems to hold a phone number or an email address.</summary>
    public bool MayContainContactDetails => ContactDetailsDetector.LooksLikeContactDetails(Body);

    /// <summary>Passages a moderator may want to remove before approving.</summary>
    public IReadOnlyList<string> ContactDetails => ContactDetailsDetector.Find(Body);
}
