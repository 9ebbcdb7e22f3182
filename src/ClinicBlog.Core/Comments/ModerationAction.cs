namespace ClinicBlog.Core.Comments;

public enum ModerationAction
{
    Approve,
    Reject,
    Spam,
    Delete,
}
