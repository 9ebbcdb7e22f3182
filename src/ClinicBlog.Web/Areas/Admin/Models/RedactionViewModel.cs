using ClinicBlog.Core.Comments;
using ClinicBlog.Core.Paging;
using ClinicBlog.Core.Posts;

namespace ClinicBlog.Web.Areas.Admin.Models;

public sealed record RedactionViewModel(QueuedComment Comment, string? Passage);
