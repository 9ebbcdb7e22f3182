namespace ClinicBlog.Core.Comments;

/// <summary>Moderation state of a comment. Only <see cref="Approved"/> comments are shown.</summary>
public enum CommentStatus
{
    Pending = 0,
    Approved = 1,
    Rejected = 2,
    Spam = 3,
}
