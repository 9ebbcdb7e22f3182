
namespace ClinicBlog.Core.Data;

/// <summary>The blog's database: which provider, and its connection string (for backups).</summary>
/// <param name="ConnectionString">The connection string.</param>
/// <param name="Provider">SQLite (the default) or PostgreSQL.</param>
public sealed record BlogDatabase(string ConnectionString, DatabaseProvider Provider = DatabaseProvider.Sqlite)
{
    public bool IsSqlite => Provider == DatabaseProvider.Sqlite;

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

            // PostgreSQL: a lock wait that ran out (lock_not_available).
            if (e is Npgsql.PostgresException { SqlState: "55P03" })
            {
                return true;
            }
        }

        return false;
    }
}
