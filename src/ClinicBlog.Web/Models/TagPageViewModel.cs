using ClinicBlog.Core.Posts;

namespace ClinicBlog.Web.Models;

public sealed record TagPageViewModel(TagLink Tag, PostListViewModel List);
