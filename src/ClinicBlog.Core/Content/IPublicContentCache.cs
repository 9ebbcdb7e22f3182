namespace ClinicBlog.Core.Content;

/// <summary>Told whenever something readers can see changes, so cached public pages are evicted
/// precisely then. The web app implements it over the output cache.</summary>
public interface IPublicContentCache
{
    /// <summary>Posts, authors or tags changed: every list, feed and post page may show it.</summary>
    Task PostsChangedAsync(CancellationToken cancellationToken);

    /// <summary>The visible comments of these posts changed: their pages must be rendered again.</summary>
    Task CommentsChangedAsync(IReadOnlyCollection<int> postIds, CancellationToken cancellationToken);
}
