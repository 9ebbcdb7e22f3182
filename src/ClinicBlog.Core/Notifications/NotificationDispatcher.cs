using System.Globalization;
using ClinicBlog.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClinicBlog.Core.Notifications;

/// <summary>One round of the outbox: plan messages for held comments, then deliver what is due, in
/// order, one at a time. A failed attempt waits longer each time (30 s doubling, at most an hour);
/// after <see cref="NotificationOptions.MaxAttempts"/> the message is marked failed. Rounds never
/// overlap, in this process or across instances (the <see cref="Lease.Notifications"/> lease, renewed
/// before each message), so a message is handed to the server once per attempt.</summary>
public sealed class NotificationDispatcher(
    IServiceScopeFactory scopes,
    InstanceLeases leases,
    IMailTransport transport,
    TimeProvider clock,
    IOptions<NotificationOptions> options,
    IOptions<SmtpOptions> smtp,
    ILogger<NotificationDispatcher> logger) : IDisposable
{
    private const int BatchSize = 50;

    /// <summary>Longer than one message can take (SMTP's 30 s timeout for each of connect,
    /// authenticate and send), so the lease cannot run out while a message is in flight.</summary>
    public static readonly TimeSpan LeaseTime = TimeSpan.FromMinutes(2);
    private readonly SemaphoreSlim _round = new(1, 1);

    /// <summary>Runs one round; returns how many messages were delivered.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        await _round.WaitAsync(cancellationToken);
        try
        {
            if (!await leases.TryHoldAsync(Lease.Notifications, LeaseTime, cancellationToken))
            {
                // Another instance is sending: it plans and delivers for everyone.
                return 0;
            }

            await using var scope = scopes.CreateAsyncScope();
            var planned = await scope.ServiceProvider.GetRequiredService<NotificationPlanner>()
                .PlanHeldCommentsAsync(clock.GetUtcNow().UtcDateTime, cancellationToken);
            if (planned > 0)
            {
                logger.LogInformation("Queued {Count} staff notification(s) about held comments", planned);
            }

            return smtp.Value.IsConfigured ? await DeliverDueAsync(scope.ServiceProvider.GetRequiredService<BlogDbContext>(), cancellationToken) : 0;
        }
        finally
        {
            _round.Release();
        }
    }

    /// <summary>The pause after the given number of failed attempts.</summary>
    public static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(3_600, 30 * Math.Pow(2, Math.Max(0, attempts - 1))));

    private async Task<int> DeliverDueAsync(BlogDbContext db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Notifications
            .Where(n => n.State == NotificationState.Queued && n.NextAttemptAt <= now)
            .OrderBy(n => n.NextAttemptAt).ThenBy(n => n.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        var delivered = 0;
        foreach (var message in due)
        {
            if (!await leases.TryHoldAsync(Lease.Notifications, LeaseTime, cancellationToken))
            {
                break;
            }

            try
            {
                await transport.SendAsync(new OutgoingMail(
                    message.RecipientEmail, message.Subject, message.Body,
                    string.Create(CultureInfo.InvariantCulture, $"notification-{message.Id}.{message.CreatedAt.Ticks}@clinicblog")), cancellationToken);
                message.State = NotificationState.Sent;
                message.SentAt = clock.GetUtcNow().UtcDateTime;
                message.LastError = null;
                await db.SaveChangesAsync(CancellationToken.None);
                delivered++;
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                message.Attempts++;
                message.LastError = Describe(e);
                message.NextAttemptAt = clock.GetUtcNow().UtcDateTime + Backoff(message.Attempts);
                if (message.Attempts >= options.Value.MaxAttempts)
                {
                    message.State = NotificationState.Failed;
                }

                await db.SaveChangesAsync(CancellationToken.None);
                // The server's words may echo an address: the log gets the kind of failure only.
                logger.LogWarning("Notification {NotificationId} not delivered (attempt {Attempt}): {ErrorType}", message.Id, message.Attempts, e.GetType().Name);
                // The server is likely down or refusing: leave the rest for the next round.
                break;
            }
        }

        return delivered;
    }

    /// <summary>The kind of failure and the server's words, kept short; MailKit's messages carry no password.</summary>
    private static string Describe(Exception e)
    {
        var text = $"{e.GetType().Name}: {e.Message}";
        return text.Length <= 300 ? text : text[..300];
    }

    public void Dispose() => _round.Dispose();
}
