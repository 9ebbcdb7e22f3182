using System.Net;
using System.Text;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace ClinicBlog.Web.Tests;

/// <summary>Nothing acknowledged is lost: concurrent writers, SIGKILL in the middle of writing,
/// SIGTERM with a request in flight, and an online backup. Each test runs the real app as its own
/// process on a loopback port, with bounded load.</summary>
[Trait("Category", "Slow")]
[Trait("Database", "Own")] // chooses its own database and servers: the PostgreSQL pass would only repeat it
public sealed class DurabilityTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "clinicblog-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Twenty_commenters_post_two_thousand_comments_while_readers_read_and_staff_approve_and_nothing_is_lost()
    {
        await using var app = await AppProcess.StartAsync(_data);
        var load = new CommentLoad(app.BaseAddress);
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(4));

        await load.RunAsync(commenters: 20, perCommenter: 100, readers: 4, moderate: true, limit.Token);

        output.WriteLine($"{load.Acknowledged.Count} comments in {load.Elapsed.TotalSeconds:0.0} s = {load.Acknowledged.Count / load.Elapsed.TotalSeconds:0} comments/s; " +
                         $"{load.ReaderRequests} reader requests = {load.ReaderRequests / load.Elapsed.TotalSeconds:0}/s; {load.Approvals} approval rounds; " +
                         "statuses " + string.Join(", ", load.Statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}")));
        Assert.Empty(load.ServerErrors);
        Assert.Equal(0, load.ConnectionFailures);
        Assert.Equal(2000, load.Acknowledged.Count);
        Assert.True(load.Approvals > 0, "the moderator never approved anything");
        AssertStoredExactlyOnce(load.Acknowledged);
        Assert.DoesNotContain("database is locked", app.Output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Killed_with_SIGKILL_mid_write_the_database_is_intact_and_every_acknowledged_comment_is_there()
    {
        CommentLoad load;
        await using (var app = await AppProcess.StartAsync(_data))
        {
            load = new CommentLoad(app.BaseAddress);
            using var stop = new CancellationTokenSource();
            var writing = load.RunAsync(commenters: 20, perCommenter: 1000, readers: 2, moderate: true, stop.Token);
            while (load.Acknowledged.Count < 300 && !writing.IsCompleted)
            {
                await Task.Delay(20);
            }

            await app.KillAsync();
            await stop.CancelAsync();
            await writing;
        }

        output.WriteLine($"killed after {load.Acknowledged.Count} acknowledged comments; {load.ConnectionFailures} requests cut off");
        Assert.True(load.Acknowledged.Count >= 300);

        await using var restarted = await AppProcess.StartAsync(_data);
        Assert.Equal("ok", Scalar("PRAGMA integrity_check"));
        AssertStoredExactlyOnce(load.Acknowledged);
        using var client = new HttpClient { BaseAddress = restarted.BaseAddress };
        using var page = await client.GetAsync(TestContent.SeedUrl);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task SIGTERM_lets_a_request_in_flight_finish_before_the_app_exits()
    {
        await using var app = await AppProcess.StartAsync(_data);
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        const string body = "Written slowly, sent before the shutdown, finished after it.";
        var halfSent = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var posting = client.PostAsync($"/posts/{TestContent.SeedSlug}/comments",
            new SlowContent($"Name=Slow+writer&Body={Uri.EscapeDataString(body)}", halfSent, release.Task));
        await halfSent.Task;

        var stopping = app.TerminateAsync(TimeSpan.FromSeconds(60));
        await Task.Delay(500);
        Assert.False(app.HasExited, "the app exited with a request still in flight");
        release.SetResult();

        using var response = await posting;
        await stopping;
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(0, app.ExitCode);
        Assert.Equal(1L, Scalar($"SELECT COUNT(*) FROM Comments WHERE Body = '{body}'"));
    }

    [Fact]
    public async Task The_backup_command_copies_the_live_database_while_it_serves_and_the_copy_restores()
    {
        await using var app = await AppProcess.StartAsync(_data);
        var load = new CommentLoad(app.BaseAddress);
        await load.RunAsync(commenters: 4, perCommenter: 25, readers: 0, moderate: false, CancellationToken.None);
        var before = load.Acknowledged.ToList();

        // More comments arrive while the backup runs.
        var during = new CommentLoad(app.BaseAddress);
        var writing = during.RunAsync(commenters: 4, perCommenter: 50, readers: 1, moderate: false, CancellationToken.None);
        var file = Path.Combine(_data, "..", Guid.NewGuid().ToString("N") + "-backup.db");
        var (exitCode, text) = await AppProcess.RunCommandAsync(_data, "backup", file);
        await writing;

        Assert.True(exitCode == 0, text);
        Assert.Contains("integrity check: ok", text, StringComparison.Ordinal);
        // It holds commenters' emails and staff password hashes: the owner alone may read it.
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
        Assert.Empty(during.ServerErrors);
        Assert.Equal(200, during.Acknowledged.Count);
        var copied = Bodies(file);
        Assert.All(before, b => Assert.Contains(b, copied));

        // Restore: the copy becomes blog.db of a new data directory, and the blog runs on it.
        var restoredData = _data + "-restored";
        Directory.CreateDirectory(restoredData);
        File.Copy(file, Path.Combine(restoredData, "blog.db"));
        try
        {
            await using var restored = await AppProcess.StartAsync(restoredData);
            using var client = new HttpClient { BaseAddress = restored.BaseAddress };
            var page = await client.GetStringAsync(TestContent.SeedUrl);
            Assert.Contains(TestContent.SeedTitle, page, StringComparison.Ordinal);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(restoredData, recursive: true);
            File.Delete(file);
        }
    }

    [Fact]
    public async Task The_backup_command_explains_itself_without_a_file_and_fails_without_a_database()
    {
        var (usage, usageText) = await AppProcess.RunCommandAsync(_data, "backup");
        Assert.Equal(2, usage);
        Assert.Contains("Usage:", usageText, StringComparison.Ordinal);

        var (missing, missingText) = await AppProcess.RunCommandAsync(_data, "backup", Path.Combine(_data, "copy.db"));
        Assert.Equal(1, missing);
        Assert.Contains("nothing to back up", missingText, StringComparison.Ordinal);
    }

    private void AssertStoredExactlyOnce(IReadOnlyCollection<string> acknowledged)
    {
        var stored = Bodies(Path.Combine(_data, "blog.db"));
        var counts = stored.GroupBy(b => b).ToDictionary(g => g.Key, g => g.Count());
        var missing = acknowledged.Where(b => !counts.ContainsKey(b)).ToList();
        var doubled = acknowledged.Where(b => counts.TryGetValue(b, out var n) && n > 1).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} acknowledged comments are missing, such as {missing.FirstOrDefault()}");
        Assert.True(doubled.Count == 0, $"{doubled.Count} comments are stored twice");
    }

    private static List<string> Bodies(string databaseFile)
    {
        using var connection = new SqliteConnection($"Data Source={databaseFile};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Body FROM Comments";
        using var reader = command.ExecuteReader();
        var bodies = new List<string>();
        while (reader.Read())
        {
            bodies.Add(reader.GetString(0));
        }

        return bodies;
    }

    private object Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_data, "blog.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar()!;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    /// <summary>A form body sent in two halves, the second only when the test says so.</summary>
    private sealed class SlowContent : HttpContent
    {
        private readonly byte[] _bytes;
        private readonly TaskCompletionSource _halfSent;
        private readonly Task _release;

        public SlowContent(string form, TaskCompletionSource halfSent, Task release)
        {
            _bytes = Encoding.UTF8.GetBytes(form);
            _halfSent = halfSent;
            _release = release;
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var half = _bytes.Length / 2;
            await stream.WriteAsync(_bytes.AsMemory(0, half));
            await stream.FlushAsync();
            _halfSent.TrySetResult();
            await _release;
            await stream.WriteAsync(_bytes.AsMemory(half));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _bytes.Length;
            return true;
        }
    }
}
