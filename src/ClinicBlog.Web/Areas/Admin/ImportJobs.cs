using System.Collections.Concurrent;
using ClinicBlog.Core.Import;

namespace ClinicBlog.Web.Areas.Admin;

/// <summary>Imports started from /admin/import run here, off the request: a large site takes minutes,
/// longer than a browser or a reverse proxy waits, and a closed tab must not cancel (and so roll back)
/// the import. The page then shows the progress, and the report when it is done. Jobs live in memory
/// (the last few); the audit log keeps every import's summary.</summary>
public sealed class ImportJobs(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, TimeProvider clock, ILogger<ImportJobs> logger)
{
    private const int Kept = 20;

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

        _ = Task.Run(() => RunAsync(job, exportFile, userId));
        return job;
    }

    public ImportJob? Find(Guid id) => _jobs.GetValueOrDefault(id);

    private async Task RunAsync(ImportJob job, string exportFile, string? userId)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var importer = scope.ServiceProvider.GetRequiredService<WordPressImporter>();
            job.Report = await importer.ImportAsync(exportFile, uploadsFolder: null, userId, new Latest(job), lifetime.ApplicationStopping);
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
        }
    }

    /// <summary>Keeps the latest progress on the job (no synchronization context to post to).</summary>
    private sealed class Latest(ImportJob job) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => job.Progress = value;
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
