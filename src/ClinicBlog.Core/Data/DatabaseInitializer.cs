using ClinicBlog.Core.Authors;
using ClinicBlog.Core.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicBlog.Core.Data;

/// <summary>Brings the database up to date at start-up: migrations, WAL mode, seed content, first admin.</summary>
public static class DatabaseInitializer
{
    public static async Task InitializeAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BlogDbContext>();
        // Created (or tightened) before SQLite opens it: its -wal and -shm files take the same mode.
        var file = DatabaseFile(db);
        if (file is not null)
        {
            OwnerOnlyFiles.TightenDatabase(file);
        }

        // Migrate also compares the model with the last migration's snapshot, which costs a quarter of a
        // second at every start; asking for pending migrations first costs one read of the history table.
        if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
        if (db.Database.IsSqlite())
        {
            // WAL lets readers go on while a comment is written, and survives a crash mid-write.
            // The mode is stored in the database file, so setting it once per start is enough.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        if (file is not null)
        {
            OwnerOnlyFiles.TightenDatabase(file);
        }

        await FillSearchTextAsync(db, cancellationToken);
        await UpgradeReviewsAsync(db, cancellationToken);
        await scope.ServiceProvider.GetRequiredService<BlogSeeder>().SeedAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<StaffBootstrapper>().EnsureAsync(cancellationToken);
    }

    private static string? DatabaseFile(BlogDbContext db)
    {
        if (!db.Database.IsSqlite())
        {
            return null;
        }

        var source = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        return string.IsNullOrEmpty(source) || source == ":memory:" || source.StartsWith("file:", StringComparison.Ordinal) ? null : Path.GetFullPath(source);
    }

    /// <summary>Posts from before reviews covered the whole text (TextChangedAt not kept yet): a sign-off
    /// that covered the live body becomes one that covers the live text, by its fingerprint; any other
    /// stays stale. Runs once per such post: it sets TextChangedAt. Not an edit: no timestamps change.</summary>
    private static async Task UpgradeReviewsAsync(BlogDbContext db, CancellationToken cancellationToken)
    {
        var earlier = await db.Posts.AsNoTracking().Include(p => p.Tags).Where(p => p.TextChangedAt == null).ToListAsync(cancellationToken);
        if (earlier.Count == 0)
        {
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var post in earlier)
        {
            var reviewed = post.ReviewedContentHash is { } hash && hash == Posts.PostContent.BodyOnlyHash(post.Body)
                ? post.Content().Fingerprint()
                : post.ReviewedContentHash;
            await db.Posts.Where(p => p.Id == post.Id).ExecuteUpdateAsync(s => s
                .SetProperty(p => p.ReviewedContentHash, reviewed)
                .SetProperty(p => p.TextChangedAt, post.UpdatedAt), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Posts saved before search indexed the visible text get it once (the migration cannot
    /// compute it); the search trigger picks the change up. Not an edit: no timestamps change.</summary>
    private static async Task FillSearchTextAsync(BlogDbContext db, CancellationToken cancellationToken)
    {
        var missing = await db.Posts.AsNoTracking().Where(p => p.SearchText == "" && p.BodyHtml != "")
            .Select(p => new { p.Id, p.BodyHtml }).ToListAsync(cancellationToken);
        if (missing.Count == 0)
        {
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var post in missing)
        {
            var text = MarkdownRenderer.VisibleText(post.BodyHtml);
            await db.Posts.Where(p => p.Id == post.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.SearchText, text), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
