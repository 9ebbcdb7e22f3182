using ClinicBlog.Core.Content;
using ClinicBlog.Web.Hosting;
using Microsoft.AspNetCore.OutputCaching;

namespace ClinicBlog.Web.Caching;

/// <summary>Evicts cached reader pages when what they show changes.</summary>
internal sealed class OutputCacheEviction(IOutputCacheStore store) : IPublicContentCache
{
    public async Task PostsChangedAsync(CancellationToken cancellationToken) =>
        await store.EvictByTagAsync(ReaderCachingSetup.PostsTag, cancellationToken);

    public async Task CommentsChangedAsync(IReadOnlyCollection<int> postIds, CancellationToken cancellationToken)
    {
        foreach (var id in postIds ?? [])
        {
            await store.EvictByTagAsync(ReaderCachingSetup.PostTag(id), cancellationToken);
        }
    }
}
