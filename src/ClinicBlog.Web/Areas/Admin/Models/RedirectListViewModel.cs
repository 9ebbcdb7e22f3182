using ClinicBlog.Core.Paging;
using ClinicBlog.Core.Redirects;

namespace ClinicBlog.Web.Areas.Admin.Models;

/// <summary>The redirects page: staff redirects (a page of them) and renamed posts' old addresses.</summary>
public sealed record RedirectListViewModel(PagedList<RedirectListItem> Redirects, IReadOnlyList<PostSlugRedirectItem> PostSlugs, string? Message);
