namespace ClinicBlog.Web.Models;

public sealed record HomeViewModel(PostListViewModel List, string BlogTitle, string BlogDescription);
