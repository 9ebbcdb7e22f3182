using Microsoft.Data.Sqlite;

namespace ClinicBlog.Core.Data;

/// <summary>A consistent copy of the live database, taken with SQLite's online backup API while the
/// blog keeps serving (in WAL mode readers and the one writer do not wait for the copy).</summary>
public static class DatabaseBackup
{
    /// <summary>Writes the copy to <paramref name="destinationPath"/> as a single self-contained file
    /// (rollback journal, no -wal file beside it). It appears under its name only once complete and
    /// checked. Returns SQLite's integrity check of the copy ("ok").</summary>
    public static async Task<string> WriteAsync(string connectionString, string destinationPath, CancellationToken cancellationToken)
    {
        var source = new SqliteConnectionStringBuilder(connectionString);
        if (!File.Exists(Path.GetFullPath(source.DataSource)))
        {
            throw new FileNotFoundException($"There is no database at {source.DataSource}: nothing to back up.", source.DataSource);
        }

        var target = Path.GetFullPath(destinationPath);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = target + ".partial";
        File.Delete(partial);
        // The copy holds commenters' emails and staff password hashes: owner-only from its first byte.
        OwnerOnlyFiles.Create(partial);
        string check;
        await using (var from = new SqliteConnection(connectionString))
        await using (var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString()))
        {
            await from.OpenAsync(cancellationToken);
            await to.OpenAsync(cancellationToken);
            from.BackupDatabase(to);
            await using var command = to.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=DELETE;";
            await command.ExecuteNonQueryAsync(cancellationToken);
            command.CommandText = "PRAGMA integrity_check;";
            check = (string)(await command.ExecuteScalarAsync(cancellationToken))!;
        }

        if (check != "ok")
        {
            File.Delete(partial);
            throw new InvalidDataException("The copy failed SQLite's integrity check: " + check);
        }

        File.Move(partial, target, overwrite: true);
        return check;
    }
}
