using ClinicBlog.Core.Paging;
using ClinicBlog.Core.Posts;

namespace ClinicBlog.Web.Models;

public sealed record SearchViewModel(string Query, PagedList<ClinicBlog.Core.Search.SearchHit> Results);
