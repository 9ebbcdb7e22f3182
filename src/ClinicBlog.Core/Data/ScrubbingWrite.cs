using Microsoft.EntityFrameworkCore;

namespace ClinicBlog.Core.Data;

/// <summary>Runs a write that removes personal data so that no copy of it stays in the file:
/// SQLite's <c>secure_delete</c> overwrites the freed space, and a checkpoint that truncates the
/// write-ahead log drops the older page images it still held. On PostgreSQL the old row versions stay in
/// the table's pages until VACUUM reuses them, and in its write-ahead log and backups until those roll
/// over: the README says so; the write itself is the same.</summary>
public static class ScrubbingWrite
{
    public static async Task<T> RunAsync<T>(BlogDbContext db, Func<Task<T>> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(write);
        if (!db.Database.IsSqlite())
        {
            return await write();
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA secure_delete = ON", cancellationToken);
            var result = await write();
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)", cancellationToken);
            return result;
        }
        finally
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA secure_delete = OFF", CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
    }
}
