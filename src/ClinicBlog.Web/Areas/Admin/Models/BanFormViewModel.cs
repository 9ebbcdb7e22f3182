namespace ClinicBlog.Web.Areas.Admin.Models;

/// <summary>The "ban this sender" form as typed, for the comment it is about.</summary>
public sealed class BanFormViewModel : BanForm
{
    public BanFormViewModel(int commentId, BanForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        CommentId = commentId;
        Reason = form.Reason;
        Days = form.Days;
    }

    public int CommentId { get; }
}
