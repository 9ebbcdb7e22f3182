using System.Collections.Concurrent;
using ClinicBlog.Core.Data;
using Microsoft.Data.Sqlite;

namespace ClinicBlog.Core.Search;

/// <summary>The SQLite search's two statements (a page of hits, and their count when the page does not tell
/// it), prepared once and kept with a connection of their own. Through EF Core every search had SQLite parse
/// and plan its statement anew, on a pooled connection on which EF registers its SQL functions at every open:
/// together about a fifth of a search's work (bench/README.md). A search takes a kept connection, or opens one
/// when all are in use; up to <see cref="Kept"/> are kept afterwards. They only read: each statement runs as
/// its own read transaction and is reset when its reader closes, so a kept connection holds no lock and every
/// search sees what was last written.</summary>
public sealed class SqliteSearchStatements(BlogDatabase database) : IDisposable
{
    /// <summary>Searches read synchronously on a thread-pool thread, so about as many run at once as there are
    /// threads working: two per core are kept.</summary>
    private static readonly int Kept = Math.Max(4, Environment.ProcessorCount * 2);

    private readonly ConcurrentStack<Statements> _idle = new();
    private volatile bool _disposed;

    /// <summary>Runs <paramref name="read"/> with prepared statements; they are kept for the next search only
    /// when it ends without an error.</summary>
    public T Read<T>(Func<Statements, T> read)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var statements = _idle.TryPop(out var idle) ? idle : new Statements(database.ConnectionString);
        var keep = false;
        try
        {
            var result = read(statements);
            keep = true;
            return result;
        }
        finally
        {
            if (keep && _idle.Count < Kept)
            {
                _idle.Push(statements);
                if (_disposed)
                {
                    Drain();
                }
            }
            else
            {
                statements.Dispose();
            }
        }
    }

    public void Dispose()
    {
        _disposed = true;
        Drain();
    }

    private void Drain()
    {
        while (_idle.TryPop(out var statements))
        {
            statements.Dispose();
        }
    }

    /// <summary>One connection and the search's statements prepared on it. The statements' text never
    /// changes; only their parameters do.</summary>
    public sealed class Statements : IDisposable
    {
        // Each match's visibility is read from the index made for it (PostConfiguration.SearchVisibilityIndex),
        // not from the row, where Status and PublishedAt lie past the article's text; the title, slug and summary
        // come first in the row and are read without it.
        private const string From = "FROM PostSearch JOIN Posts v INDEXED BY IX_Posts_Id_Status_PublishedAt ON v.Id = PostSearch.rowid";
        private const string Where = "WHERE PostSearch MATCH $match AND v.Status IN ('Published', 'Scheduled') AND v.PublishedAt <= $now";

        private readonly SqliteConnection _connection;
        private readonly SqliteCommand _page;
        private readonly SqliteCommand _count;

        internal Statements(string connectionString)
        {
            _connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
            try
            {
                _connection.Open();
                _page = Prepare($"""
                    SELECT p.Id, p.Title, p.Slug, p.Summary, v.PublishedAt,
                           snippet(PostSearch, -1, char({(int)SearchRow.MarkStart}), char({(int)SearchRow.MarkEnd}), '…', 24) AS Snippet
                    {From}
                    JOIN Posts p ON p.Id = PostSearch.rowid
                    {Where}
                    ORDER BY bm25(PostSearch, 10.0, 4.0, 1.0, 6.0), v.PublishedAt DESC
                    LIMIT $take OFFSET $skip
                    """, "$match", "$now", "$take", "$skip");
                _count = Prepare($"SELECT COUNT(*) {From} {Where}", "$match", "$now");
            }
            catch
            {
                _connection.Dispose();
                throw;
            }
        }

        /// <summary>One page of the posts that match, best first.</summary>
        public IReadOnlyList<SearchRow> Page(string match, DateTime now, int take, int skip)
        {
            Bind(_page, match, now);
            _page.Parameters["$take"].Value = take;
            _page.Parameters["$skip"].Value = skip;
            var rows = new List<SearchRow>(take);
            using var reader = _page.ExecuteReader();
            while (reader.Read())
            {
                rows.Add(new SearchRow(reader.GetInt32(0), reader.GetString(1), reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetDateTime(4), reader.IsDBNull(5) ? null : reader.GetString(5)));
            }

            return rows;
        }

        /// <summary>How many posts match.</summary>
        public int Count(string match, DateTime now)
        {
            Bind(_count, match, now);
            return Convert.ToInt32(_count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }

        public void Dispose() => _connection.Dispose();

        private static void Bind(SqliteCommand command, string match, DateTime now)
        {
            command.Parameters["$match"].Value = match;
            command.Parameters["$now"].Value = now;
        }

        private SqliteCommand Prepare(string sql, params string[] parameters)
        {
            var command = _connection.CreateCommand();
            command.CommandText = sql;
            foreach (var name in parameters)
            {
                command.Parameters.Add(new SqliteParameter { ParameterName = name });
            }

            command.Prepare();
            return command;
        }
    }
}
