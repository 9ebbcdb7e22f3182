using ClinicBlog.Core.Comments;
using ClinicBlog.Core.Paging;
using ClinicBlog.Core.Posts;

namespace ClinicBlog.Web.Areas.Admin.Models;

public sealed record DeleteConfirmationViewModel(IReadOnlyList<QueuedComment> Comments, CommentStatus ReturnTo);
