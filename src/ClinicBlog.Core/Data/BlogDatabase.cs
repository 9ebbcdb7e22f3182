
namespace ClinicBlog.Core.Data;

/// <summary>The connection string of the blog's database (for backups).</summary>
/// <param name="ConnectionString">The SQLite connection string.</param>
public sealed record BlogDatabase(string ConnectionString)
{
    /// <summary>True when <paramref name="exception"/> (or what it wraps) is SQLite saying another writer
    /// held the database past the busy timeout, such as a long import: try again later, nothing is wrong.</summary>
    public static bool IsBusy(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            // SQLITE_BUSY (5) and SQLITE_LOCKED (6).
            if (e is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 or 6 })
            {
                return true;
            }
        }

        return false;
    }
}
