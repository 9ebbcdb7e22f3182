namespace ClinicBlog.Core.Data;

/// <summary>Whether the database has been brought up to date at this start (migrations, upgrades, seed, first
/// admin). The web server starts while that runs; requests and background duties wait for it here.</summary>
public sealed class DatabaseReadiness
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the database is ready; faults with the start-up's error when it cannot be.</summary>
    public Task Ready => _ready.Task;

    public bool IsReady => _ready.Task.IsCompletedSuccessfully;

    /// <summary>True once the database is ready; false when its start-up failed (the app is then stopping
    /// with that error, reported where it happened).</summary>
    public async Task<bool> WaitAsync(CancellationToken cancellationToken)
    {
        await _ready.Task.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        cancellationToken.ThrowIfCancellationRequested();
        return _ready.Task.IsCompletedSuccessfully;
    }

    public void Succeeded() => _ready.TrySetResult();

    public void Failed(Exception error) => _ready.TrySetException(error);
}
