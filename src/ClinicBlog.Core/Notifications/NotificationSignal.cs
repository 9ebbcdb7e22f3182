using ClinicBlog.Core.Data;

namespace ClinicBlog.Core.Notifications;

/// <summary>Wakes the background sender early (an urgent comment, a test message), on whichever
/// instance holds the outbox lease.</summary>
public sealed class NotificationSignal(ISharedChanges changes) : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Wake()
    {
        WakeHere();
        changes.Announce(SharedChange.Notifications);
    }

    /// <summary>Wakes this instance's sender only (another instance asked).</summary>
    public void WakeHere()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already awake.
        }
    }

    /// <summary>Waits for <see cref="Wake"/> or the timeout, whichever comes first.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _signal.Dispose();
}
