using System.Linq.Expressions;

namespace ClinicBlog.Core.Posts;

/// <summary>The one rule for what readers may see. A scheduled post becomes visible by itself once
/// its time has come, so no background job is needed to publish it.</summary>
public static class PostVisibility
{
    public static Expression<Func<Post, bool>> VisibleAt(DateTime utcNow) =>
        p => (p.Status == PostStatus.Published || p.Status == PostStatus.Scheduled) && p.PublishedAt <= utcNow;
}
