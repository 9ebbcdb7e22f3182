namespace ClinicBlog.Core.Content;

/// <summary>For hosts without a cache (tools, tests of the core).</summary>
public sealed class NoPublicContentCache : IPublicContentCache
{
    public Task PostsChangedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task CommentsChangedAsync(IReadOnlyCollection<int> postIds, CancellationToken cancellationToken) => Task.CompletedTask;
}
