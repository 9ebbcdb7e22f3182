using ClinicBlog.Core.Authors;

namespace ClinicBlog.Web.Models;

public sealed record AuthorPageViewModel(AuthorProfile Author, PostListViewModel List);
