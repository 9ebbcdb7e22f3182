using ClinicBlog.Core.Comments;

namespace ClinicBlog.Web.Models;

/// <summary>The comment form under an article: what the reader typed (fields named by <c>asp-for</c> as the
/// form posts them), the article it posts to, and the comment being replied to, if any.</summary>
public sealed class CommentFormViewModel : CommentFormModel
{
    public CommentFormViewModel(string slug, PublicComment? replyingTo, CommentFormModel typed)
    {
        ArgumentNullException.ThrowIfNull(typed);
        Slug = slug;
        ReplyingTo = replyingTo;
        Name = typed.Name;
        Email = typed.Email;
        Body = typed.Body;
        ParentId = replyingTo?.Id ?? typed.ParentId;
    }

    public string Slug { get; }

    public PublicComment? ReplyingTo { get; }
}
