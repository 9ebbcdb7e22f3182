using System.Data.Common;
using Npgsql;

namespace ClinicBlog.Core.Data;

/// <summary>What the blog sets on a PostgreSQL connection string unless the operator chose otherwise.</summary>
public static class PostgreSqlConnections
{
    /// <summary>Statements the pool's connections keep prepared (the reader pages use a few dozen).</summary>
    public const int AutoPrepared = 64;

    /// <summary>The connection string with Npgsql's automatic preparation on (<c>Max Auto Prepare</c>) and
    /// without the <c>DISCARD ALL</c> a pooled connection is otherwise reset with (<c>No Reset On Close</c>: the
    /// blog sets no session state to clear, and the reset would drop the prepared statements too). A statement
    /// run often is then parsed and planned once per connection instead of on every request: the post page's
    /// queries were planned each time (1-1.3 ms for two of them), measured at 87 -> 121 requests a second for
    /// the uncached post on one connection. Either setting given in the connection string is kept as it is.</summary>
    public static string Tuned(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var keys = given.Keys.Cast<string>().Select(Normalize).ToHashSet(StringComparer.Ordinal);
        var tuned = new NpgsqlConnectionStringBuilder(connectionString);
        if (!keys.Contains("maxautoprepare"))
        {
            tuned.MaxAutoPrepare = AutoPrepared;
        }

        if (!keys.Contains("noresetonclose"))
        {
            tuned.NoResetOnClose = true;
        }

        return tuned.ConnectionString;
    }

    private static string Normalize(string key) => key.Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
}
