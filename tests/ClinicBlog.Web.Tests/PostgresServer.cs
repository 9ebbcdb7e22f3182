using System.Diagnostics;
using Npgsql;

namespace ClinicBlog.Web.Tests;

/// <summary>A throwaway PostgreSQL server for the tests: its own data directory (initdb), a free loopback
/// port, no durability settings it does not need, stopped and deleted afterwards. Never the system's
/// service. As root, initdb and the server run as the postgres user (PostgreSQL refuses root).</summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly string _directory;
    private readonly string _bin;
    private readonly string? _runAs;

    private PostgresServer(string directory, string bin, string? runAs, int port)
    {
        _directory = directory;
        _bin = bin;
        _runAs = runAs;
        Port = port;
    }

    public int Port { get; }

    public static async Task<PostgresServer> StartAsync()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Order(StringComparer.Ordinal).Select(d => Path.Combine(d, "bin")).LastOrDefault(d => File.Exists(Path.Combine(d, "initdb")))
            : null;
        if (bin is null)
        {
            throw new InvalidOperationException("PostgreSQL is not installed (Debian: apt-get install postgresql); `bash tests/run` installs it.");
        }

        // tests/run names a folder it removes afterwards (a server stopped at the end of the run may not
        // get to delete its own files before the test process is gone).
        var root = Environment.GetEnvironmentVariable("CLINICBLOG_TEST_POSTGRES_ROOT") is { Length: > 0 } configured ? configured : Path.GetTempPath();
        var directory = Path.Combine(root, "clinicblog-pg-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var runAs = Environment.UserName == "root" ? "postgres" : null;
        if (runAs is not null)
        {
            await RunAsync("chown", null, runAs + ":" + runAs, directory);
        }

        var server = new PostgresServer(directory, bin, runAs, AppProcess.FreePort());
        await RunAsync(Path.Combine(bin, "initdb"), runAs, "-D", server.DataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
        await RunAsync(Path.Combine(bin, "pg_ctl"), runAs, "-D", server.DataDirectory, "-l", Path.Combine(directory, "server.log"), "-w", "-t", "60", "-o",
            $"-p {server.Port} -k {directory} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300",
            "start");
        return server;
    }

    private string DataDirectory => Path.Combine(_directory, "data");

    /// <summary>A new, empty database on this server, and its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "blog_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await connection.OpenAsync();
            await using var create = connection.CreateCommand();
            create.CommandText = $"CREATE DATABASE \"{name}\"";
            await create.ExecuteNonQueryAsync();
        }

        return ConnectionString(name);
    }

    private string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = "postgres", Database = database, Pooling = true }.ConnectionString;

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await RunAsync(Path.Combine(_bin, "pg_ctl"), _runAs, "-D", DataDirectory, "-m", "immediate", "-w", "stop");
        }
        finally
        {
            // The server's last files may still be closing for a moment after pg_ctl returns.
            for (var attempt = 0; attempt < 20 && Directory.Exists(_directory); attempt++)
            {
                try
                {
                    Directory.Delete(_directory, recursive: true);
                }
                catch (IOException)
                {
                    await Task.Delay(100);
                }
            }
        }
    }

    private static async Task RunAsync(string program, string? runAs, params string[] arguments)
    {
        var start = new ProcessStartInfo(runAs is null ? program : "runuser") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (runAs is not null)
        {
            foreach (var argument in new[] { "-u", runAs, "--", program })
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited {process.ExitCode}:\n{await output}\n{await errors}");
        }
    }
}
