using ClinicBlog.Core.Paging;
using ClinicBlog.Core.Posts;

namespace ClinicBlog.Web.Models;

/// <summary>A list of posts with a heading and the URL its pages live at.</summary>
public sealed record PostListViewModel(PagedList<PostSummary> Posts, Func<int, string?> PageUrl, string EmptyMessage);
