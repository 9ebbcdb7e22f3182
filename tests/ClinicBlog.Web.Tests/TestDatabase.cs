namespace ClinicBlog.Web.Tests;

/// <summary>Which database the integration tests run on: SQLite files (the default) or, with
/// <c>CLINICBLOG_TEST_DATABASE=PostgreSql</c>, one throwaway PostgreSQL server for the whole test run
/// (started on first use, stopped when the run ends) with a fresh database per test host.</summary>
public static class TestDatabase
{
    private static readonly Lazy<PostgresServer> Server = new(StartServer);

    /// <summary>A host started again on the same data directory (a restart test) finds the same database.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Databases = new(StringComparer.Ordinal);

    public static bool IsPostgreSql { get; } =
        string.Equals(Environment.GetEnvironmentVariable("CLINICBLOG_TEST_DATABASE"), "PostgreSql", StringComparison.OrdinalIgnoreCase);

    /// <summary>The database of a test host's data directory on the run's server (new and empty the first time), as a connection string.</summary>
    public static string PostgreSqlDatabaseFor(string dataDirectory) =>
        Databases.GetOrAdd(dataDirectory, _ => Server.Value.CreateDatabaseAsync().GetAwaiter().GetResult());

    private static PostgresServer StartServer()
    {
        var server = PostgresServer.StartAsync().GetAwaiter().GetResult();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return server;
    }
}
