using ClinicBlog.Core.Paging;
using ClinicBlog.Core.Posts;
using ClinicBlog.Core.Security;

namespace ClinicBlog.Web.Areas.Admin.Models;

public sealed record StaffPostListViewModel(PagedList<PostListItem> Posts, PostStatus? Status, string? Search, StaffMember Editor, string? Message);
