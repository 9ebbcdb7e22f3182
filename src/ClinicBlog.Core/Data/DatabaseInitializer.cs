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

        if (await HasPendingMigrationsAsync(db, cancellationToken))
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
        if (db.Database.IsSqlite())
        {
            // WAL lets readers go on while a comment is written, and survives a crash mid-write.
            // The mode is stored in the database file, so setting it once per start is enough.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            await RequireForeignKeysAsync(db, cancellationToken);
        }

        if (file is not null)
        {
            OwnerOnlyFiles.TightenDatabase(file);
        }

        // One plain read says whether either upgrade has anything to do (almost never).
        var upgrades = await db.CountsAsync("""
            SELECT (SELECT COUNT(*) FROM (SELECT 1 FROM "Posts" WHERE "SearchText" = '' AND "BodyHtml" <> '' LIMIT 1) AS a),
                   (SELECT COUNT(*) FROM (SELECT 1 FROM "Posts" WHERE "TextChangedAt" IS NULL LIMIT 1) AS b)
            """, cancellationToken);
        if (upgrades[0] > 0)
        {
            await FillSearchTextAsync(db, cancellationToken);
        }

        if (upgrades[1] > 0)
        {
            await UpgradeReviewsAsync(db, cancellationToken);
        }

        await scope.ServiceProvider.GetRequiredService<BlogSeeder>().SeedAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<StaffBootstrapper>().EnsureAsync(cancellationToken);
    }

    /// <summary>Deleting a post takes its comments with it, and an author with articles cannot be deleted:
    /// the database enforces both, so a SQLite that does not enforce foreign keys (a library built without
    /// them on by default, or <c>Foreign Keys=False</c> in ConnectionStrings:Blog) must not run the blog.</summary>
    private static async Task RequireForeignKeysAsync(BlogDbContext db, CancellationToken cancellationToken)
    {
        // A plain read (see PlainReads): an EF raw-SQL query would be compiled on every start for this one value.
        var on = await db.CountsAsync("PRAGMA foreign_keys", cancellationToken);
        if (on is not [1])
        {
            throw new InvalidOperationException(
                "This SQLite does not enforce foreign keys on its connections: add Foreign Keys=True to ConnectionStrings:Blog.");
        }
    }

    /// <summary>Migrate compares the model with the last migration's snapshot and builds a model of the
    /// history table, half a second of every start; when every migration is applied (almost every start)
    /// one read of the history table says so. A database without the table (a new one) has them all pending.</summary>
    private static async Task<bool> HasPendingMigrationsAsync(BlogDbContext db, CancellationToken cancellationToken)
    {
        var known = db.Database.GetMigrations().ToList();
        var applied = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            await db.ReadAsync("SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\"", row => applied.Add((string)row[0]), cancellationToken);
        }
        catch (System.Data.Common.DbException)
        {
            return true;
        }

        return known.Exists(id => !applied.Contains(id));
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
