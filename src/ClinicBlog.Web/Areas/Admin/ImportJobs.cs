using System.Collections.Concurrent;
using System.Text.Json;
using ClinicBlog.Core.Import;
using StackExchange.Redis;

namespace ClinicBlog.Web.Areas.Admin;

/// <summary>Imports started from /admin/import run here, off the request: a large site takes minutes,
/// longer than a browser or a reverse proxy waits, and a closed tab must not cancel (and so roll back)
/// the import. The page then shows the progress, and the report when it is done. Jobs live in memory
/// (the last few); the audit log keeps every import's summary. With several instances (Redis configured)
/// each job's progress and report are also kept in Redis for a day, so the page answers on any instance.</summary>
public sealed class ImportJobs(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, TimeProvider clock, ILogger<ImportJobs> logger, IServiceProvider services)
{
    private const int Kept = 20;

    private static readonly TimeSpan SharedFor = TimeSpan.FromDays(1);

    private readonly IConnectionMultiplexer? _redis = services.GetService<IConnectionMultiplexer>();

    private readonly ConcurrentDictionary<Guid, ImportJob> _jobs = new();

    /// <summary>Starts importing <paramref name="exportFile"/> (a temporary copy, deleted when done).</summary>
    public ImportJob Start(string exportFile, string? userId)
    {
        var job = new ImportJob(Guid.NewGuid(), clock.GetUtcNow().UtcDateTime);
        _jobs[job.Id] = job;
        foreach (var old in _jobs.Values.OrderByDescending(j => j.StartedAt).Skip(Kept).Where(j => j.Report is not null))
        {
            _jobs.TryRemove(old.Id, out _);
        }

        // Stored before the page that shows it is asked for (on whichever instance).
        Share(job, wait: true);
        _ = Task.Run(() => RunAsync(job, exportFile, userId));
        return job;
    }

    /// <summary>The job, from this instance or (several instances) from the shared store.</summary>
    public async Task<ImportJob?> FindAsync(Guid id)
    {
        if (_jobs.TryGetValue(id, out var job) || _redis is null)
        {
            return job;
        }

        try
        {
            var shared = await _redis.GetDatabase().StringGetAsync(Key(id));
            return shared.IsNullOrEmpty ? null : SharedJob.Read(shared.ToString());
        }
        catch (RedisException e)
        {
            logger.LogWarning("Could not read import {ImportId} from Redis: {Error}", id, e.Message);
            return null;
        }
    }

    /// <summary>Puts the job's current state where the other instances find it (when there are any).</summary>
    private void Share(ImportJob job, bool wait = false)
    {
        if (_redis is null)
        {
            return;
        }

        try
        {
            _redis.GetDatabase().StringSet(Key(job.Id), SharedJob.Write(job), SharedFor, flags: wait ? CommandFlags.None : CommandFlags.FireAndForget);
        }
        catch (RedisException e)
        {
            logger.LogWarning("Could not share import {ImportId} in Redis: {Error}", job.Id, e.Message);
        }
    }

    private static RedisKey Key(Guid id) => "clinicblog:import:" + id.ToString("N");

    private async Task RunAsync(ImportJob job, string exportFile, string? userId)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var importer = scope.ServiceProvider.GetRequiredService<WordPressImporter>();
            job.Report = await importer.ImportAsync(exportFile, uploadsFolder: null, userId, new Latest(this, job), lifetime.ApplicationStopping);
        }
        catch (OperationCanceledException)
        {
            job.Report = new ImportReport { Failure = "The blog was stopped during the import; nothing was changed. Start it again." };
        }
        catch (Exception e) when (e is IOException or Microsoft.EntityFrameworkCore.DbUpdateException or Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
        {
            logger.LogError(e, "WordPress import {ImportId} failed", job.Id);
            job.Report = new ImportReport { Failure = "The import stopped on an error of the server (it is in the log); nothing was changed." };
        }
        finally
        {
            File.Delete(exportFile);
            Share(job);
        }
    }

    /// <summary>Keeps the latest progress on the job (no synchronization context to post to).</summary>
    private sealed class Latest(ImportJobs jobs, ImportJob job) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value)
        {
            job.Progress = value;
            jobs.Share(job);
        }
    }

    /// <summary>A job as JSON: its progress, and its report (counts, notes, images left) once done.</summary>
    private static class SharedJob
    {
        private static readonly System.Reflection.PropertyInfo[] ReportValues =
            typeof(ImportReport).GetProperties().Where(p => p.SetMethod is { IsPublic: true }).ToArray();

        public static string Write(ImportJob job) => JsonSerializer.Serialize(new { job.Id, job.StartedAt, job.Progress, job.Report });

        public static ImportJob Read(string json)
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var job = new ImportJob(root.GetProperty(nameof(ImportJob.Id)).GetGuid(), root.GetProperty(nameof(ImportJob.StartedAt)).GetDateTime());
            if (root.GetProperty(nameof(ImportJob.Progress)) is { ValueKind: JsonValueKind.Object } progress)
            {
                job.Progress = progress.Deserialize<ImportProgress>();
            }

            if (root.GetProperty(nameof(ImportJob.Report)) is { ValueKind: JsonValueKind.Object } shared)
            {
                var report = new ImportReport();
                foreach (var value in ReportValues)
                {
                    value.SetValue(report, shared.GetProperty(value.Name).Deserialize(value.PropertyType));
                }

                foreach (var note in shared.GetProperty(nameof(ImportReport.Notes)).Deserialize<ImportNote[]>() ?? [])
                {
                    report.Note(note.Line, note.Text);
                }

                foreach (var image in shared.GetProperty(nameof(ImportReport.ImagesLeft)).Deserialize<string[]>() ?? [])
                {
                    report.ImageLeft(image);
                }

                job.Report = report;
            }

            return job;
        }
    }
}

/// <summary>One import started from the admin: its progress while it runs, its report once done.</summary>
public sealed class ImportJob(Guid id, DateTime startedAt)
{
    public Guid Id { get; } = id;

    public DateTime StartedAt { get; } = startedAt;

    private ImportProgress? _progress;
    private ImportReport? _report;

    public ImportProgress? Progress
    {
        get => Volatile.Read(ref _progress);
        set => Volatile.Write(ref _progress, value);
    }

    /// <summary>Null while the import runs.</summary>
    public ImportReport? Report
    {
        get => Volatile.Read(ref _report);
        set => Volatile.Write(ref _report, value);
    }
}
