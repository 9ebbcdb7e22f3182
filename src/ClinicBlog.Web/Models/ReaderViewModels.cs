using ClinicBlog.Core.Authors;
using ClinicBlog.Core.Comments;
using ClinicBlog.Core.Posts;

namespace ClinicBlog.Web.Models;

/// <summary>A list of posts with a heading and the URL its pages live at.</summary>
public sealed record PostListViewModel(PagedList<PostSummary> Posts, string PageUrl, string EmptyMessage);

public sealed record HomeViewModel(PostListViewModel List, string BlogTitle, string BlogDescription);

public sealed record PostPageViewModel(PostDetail Post, CommentThread Comments, string MedicalDisclaimer, string? CrisisNotice);

public sealed record AuthorPageViewModel(AuthorProfile Author, PostListViewModel List);

public sealed record TagPageViewModel(TagLink Tag, PostListViewModel List);
