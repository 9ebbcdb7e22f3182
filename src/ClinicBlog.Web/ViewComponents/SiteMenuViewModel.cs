using ClinicBlog.Core.Pages;

namespace ClinicBlog.Web.ViewComponents;

public sealed record SiteMenuViewModel(IReadOnlyList<MenuLink> Links, string CurrentPath);
