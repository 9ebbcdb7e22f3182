using ClinicBlog.Core.Comments;
using ClinicBlog.Core.Paging;
using ClinicBlog.Core.Posts;

namespace ClinicBlog.Web.Areas.Admin.Models;

public sealed record ModerationQueueViewModel(
    CommentStatus Status,
    IReadOnlyDictionary<CommentStatus, int> Counts,
    PagedList<QueuedComment> Comments,
    string? Message,
    bool SingleComment = false);
