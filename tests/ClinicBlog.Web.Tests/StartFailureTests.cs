using System.Net;
using System.Net.Sockets;

namespace ClinicBlog.Web.Tests;

/// <summary>A start that cannot succeed ends with a message an operator can act on and a plain failure exit code.</summary>
[Trait("Category", "Slow")]
[Trait("Database", "Own")] // runs the app as its own process on SQLite: the PostgreSQL pass would only repeat it
public sealed class StartFailureTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "clinicblog-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task An_address_another_program_listens_on_stops_the_start_with_one_line_saying_so_and_exit_code_1()
    {
        using var other = new TcpListener(IPAddress.Loopback, 0);
        other.Start();
        var taken = $"http://127.0.0.1:{((IPEndPoint)other.LocalEndpoint).Port}";

        var (exitCode, output) = await AppProcess.RunCommandAsync(_data, "--urls", taken);

        Assert.Equal(1, exitCode); // not 134: .NET's abort on an unhandled exception
        Assert.Contains($"ClinicBlog did not start. Failed to bind to address {taken}: address already in use.", output, StringComparison.Ordinal);
        Assert.Contains("--urls http://127.0.0.1:8081", output, StringComparison.Ordinal);
        Assert.DoesNotContain("(Address already in use)", output, StringComparison.Ordinal); // the cause, once
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--Blog:Database:Provider=Oracle", "Blog:Database:Provider is \"Oracle\": it must be Sqlite (the default) or PostgreSql.", false)]
    [InlineData("--Blog:TimeZone=Mars/Olympus_Mons", "Blog:TimeZone must be an IANA time zone name", true)]
    [InlineData("--ConnectionStrings:Blog=Data Source={data}/blog.db;Foreign Keys=False", "This SQLite does not enforce foreign keys on its connections: add Foreign Keys=True to ConnectionStrings:Blog.", true)]
    public async Task A_setting_the_blog_refuses_stops_the_start_with_what_to_set_and_exit_code_1(string setting, string message, bool logged)
    {
        var (exitCode, output) = await AppProcess.RunCommandAsync(_data, "--urls", "http://127.0.0.1:0", setting.Replace("{data}", _data, StringComparison.Ordinal));

        Assert.Equal(1, exitCode); // not 134: .NET's abort on an unhandled exception
        Assert.Contains($"ClinicBlog did not start. {message}", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
        if (logged)
        {
            // Refused once the host's logger exists: the log keeps the whole exception, not only the line.
            Assert.Contains("FTL] ClinicBlog.Web: ClinicBlog did not start", output, StringComparison.Ordinal);
            Assert.Contains($"Exception: {message}", output, StringComparison.Ordinal);
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }
}
