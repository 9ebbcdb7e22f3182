using System.Diagnostics;
using System.Net.Sockets;

namespace ClinicBlog.Web.Tests;

/// <summary>A throwaway Redis for the tests: its own process on a free loopback port, nothing saved to
/// disk, stopped afterwards. Never the system's service.</summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _directory;

    private RedisServer(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    /// <summary>What <c>ConnectionStrings:Redis</c> is set to.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync()
    {
        if (!File.Exists("/usr/bin/redis-server"))
        {
            throw new InvalidOperationException("Redis is not installed (Debian: apt-get install redis-server); `bash tests/run` installs it.");
        }

        var directory = Path.Combine(Path.GetTempPath(), "clinicblog-redis-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var port = AppProcess.FreePort();
        var start = new ProcessStartInfo("/usr/bin/redis-server") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", directory, "--daemonize", "no" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new RedisServer(process, directory, port);
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port);
                return server;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        await server.DisposeAsync();
        throw new InvalidOperationException("redis-server did not start listening.");
    }

    /// <summary>Kills the server (as a crash would); the test's instances lose their shared state.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
