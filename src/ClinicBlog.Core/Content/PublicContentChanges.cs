using System.Data.Common;
using System.Runtime.CompilerServices;
using ClinicBlog.Core.Authors;
using ClinicBlog.Core.Comments;
using ClinicBlog.Core.Posts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ClinicBlog.Core.Content;

/// <summary>The one place that decides which cached reader pages a change makes stale, from what a
/// <c>SaveChanges</c> actually wrote: posts, authors, tags and slugs evict every list and post page;
/// a comment that is (or was) visible evicts its post's pages. A new comment waiting for moderation
/// evicts nothing. Inside a transaction the eviction waits for the commit (a reader arriving in
/// between would otherwise cache the old page again) and is dropped on rollback.</summary>
public sealed class PublicContentChanges(IPublicContentCache cache) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private sealed class Stale
    {
        public bool Posts;
        public readonly HashSet<int> CommentPosts = [];
        public bool Any => Posts || CommentPosts.Count > 0;
    }

    private readonly ConditionalWeakTable<DbContext, Stale> _waiting = new();

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            var stale = _waiting.GetValue(context, _ => new Stale());
            foreach (var entry in context.ChangeTracker.Entries())
            {
                Note(stale, entry);
            }
        }

        return ValueTask.FromResult(result);
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && context.Database.CurrentTransaction is null)
        {
            await EvictAsync(context, cancellationToken);
        }

        return result;
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && context.Database.CurrentTransaction is null)
        {
            _waiting.Remove(context);
        }

        return Task.CompletedTask;
    }

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            await EvictAsync(context, cancellationToken);
        }
    }

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            _waiting.Remove(context);
        }

        return Task.CompletedTask;
    }

    private async Task EvictAsync(DbContext context, CancellationToken cancellationToken)
    {
        if (!_waiting.TryGetValue(context, out var stale))
        {
            return;
        }

        _waiting.Remove(context);
        if (stale.Posts)
        {
            await cache.PostsChangedAsync(cancellationToken);
        }
        else if (stale.CommentPosts.Count > 0)
        {
            await cache.CommentsChangedAsync(stale.CommentPosts, cancellationToken);
        }
    }

    private static void Note(Stale stale, EntityEntry entry)
    {
        if (entry.State is EntityState.Unchanged or EntityState.Detached)
        {
            return;
        }

        switch (entry.Entity)
        {
            // Pages, menu links and settings: their own page, and every page's header and footer.
            case Post or Author or Tag or PostSlugRedirect or Pages.Page or Pages.MenuItem or Settings.SiteSetting:
            case Dictionary<string, object> when entry.Metadata.Name == "PostTags":
                stale.Posts = true;
                break;
            case Comment comment when IsOrWasVisible(entry, comment):
                stale.CommentPosts.Add(comment.PostId);
                break;
        }
    }

    private static bool IsOrWasVisible(EntityEntry entry, Comment comment) =>
        comment.Status == CommentStatus.Approved
        || (entry.State != EntityState.Added && entry.Property(nameof(Comment.Status)).OriginalValue is CommentStatus.Approved);
}
