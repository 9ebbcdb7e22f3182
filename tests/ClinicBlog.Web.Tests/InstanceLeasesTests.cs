using ClinicBlog.Core.Data;
using ClinicBlog.Core.Import;
using ClinicBlog.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ClinicBlog.Web.Tests;

/// <summary>Background work that several instances share one database for: each lease is held by one
/// instance at a time, each periodic round runs once, and the outbox is sent once however many senders
/// run at the same moment. "Instances" here are separate <see cref="InstanceLeases"/> (each its own holder)
/// on the same database, as separate processes would be.</summary>
public sealed class InstanceLeasesTests(InstanceLeasesTests.Factory factory) : IClassFixture<InstanceLeasesTests.Factory>
{
    public sealed class Factory : MailingBlogFactory;

    private InstanceLeases Instance(TimeProvider clock) => new(factory.Services.GetRequiredService<IServiceScopeFactory>(), clock);

    [Fact]
    public async Task A_lease_is_held_by_one_instance_until_it_expires_or_is_released()
    {
        var clock = new FakeTimeProvider(factory.Clock.GetUtcNow());
        var (a, b) = (Instance(clock), Instance(clock));
        Assert.NotEqual(a.Holder, b.Holder);
        const string name = "test-hold";
        var minute = TimeSpan.FromMinutes(1);

        Assert.True(await a.TryHoldAsync(name, minute, CancellationToken.None));
        Assert.False(await b.TryHoldAsync(name, minute, CancellationToken.None));
        clock.Advance(TimeSpan.FromSeconds(50));
        Assert.True(await a.TryHoldAsync(name, minute, CancellationToken.None)); // renewed: a minute from now
        clock.Advance(TimeSpan.FromSeconds(50));
        Assert.False(await b.TryHoldAsync(name, minute, CancellationToken.None));

        clock.Advance(TimeSpan.FromSeconds(11)); // a stopped renewing: it has expired
        Assert.True(await b.TryHoldAsync(name, minute, CancellationToken.None));
        Assert.False(await a.TryHoldAsync(name, minute, CancellationToken.None));

        await b.ReleaseAsync(name, CancellationToken.None);
        Assert.True(await a.TryHoldAsync(name, minute, CancellationToken.None));
    }

    [Fact]
    public async Task Instances_asking_at_once_get_one_holder_and_one_round()
    {
        var clock = new FakeTimeProvider(factory.Clock.GetUtcNow());
        var instances = Enumerable.Range(0, 8).Select(_ => Instance(clock)).ToList();

        var held = await Task.WhenAll(instances.Select(i => Task.Run(() => i.TryHoldAsync("test-race", TimeSpan.FromMinutes(1), CancellationToken.None))));
        Assert.Single(held, h => h);

        var rounds = await Task.WhenAll(instances.Select(i => Task.Run(() => i.TryClaimRoundAsync("test-round-race", TimeSpan.FromSeconds(30), CancellationToken.None))));
        Assert.Single(rounds, r => r.Claimed);
        clock.Advance(TimeSpan.FromSeconds(31));
        rounds = await Task.WhenAll(instances.Select(i => Task.Run(() => i.TryClaimRoundAsync("test-round-race", TimeSpan.FromSeconds(30), CancellationToken.None))));
        Assert.Single(rounds, r => r.Claimed);
    }

    [Fact]
    public async Task A_round_is_claimed_once_per_period_and_knows_when_the_last_one_ran()
    {
        var start = factory.Clock.GetUtcNow();
        var clock = new FakeTimeProvider(start);
        var (a, b) = (Instance(clock), Instance(clock));
        var period = TimeSpan.FromSeconds(30);
        const string name = "test-round";

        Assert.Equal((true, (DateTime?)null), await a.TryClaimRoundAsync(name, period, CancellationToken.None));
        Assert.False((await b.TryClaimRoundAsync(name, period, CancellationToken.None)).Claimed);
        Assert.False((await a.TryClaimRoundAsync(name, period, CancellationToken.None)).Claimed);

        clock.Advance(TimeSpan.FromSeconds(31));
        var second = await b.TryClaimRoundAsync(name, period, CancellationToken.None);
        Assert.True(second.Claimed);
        Assert.Equal(start.UtcDateTime, second.PreviousRound!.Value, TimeSpan.FromMilliseconds(1));
        Assert.False((await a.TryClaimRoundAsync(name, period, CancellationToken.None)).Claimed);
    }

    [Fact]
    public async Task Two_senders_at_the_same_moment_deliver_each_message_once()
    {
        factory.Mail.Start();
        var before = factory.Mail.Messages.Count;
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        await factory.WithDbAsync(async db =>
        {
            for (var i = 0; i < 12; i++)
            {
                db.Notifications.Add(new Notification
                {
                    Kind = NotificationKind.Test,
                    RecipientEmail = $"staff{i}@clinic.test",
                    Subject = $"Outbox message {i}",
                    Body = "Once only.",
                    NextAttemptAt = now,
                });
            }

            await db.SaveChangesAsync();
        });

        var senders = Enumerable.Range(0, 3)
            .Select(_ => ActivatorUtilities.CreateInstance<NotificationDispatcher>(factory.Services, Instance(factory.Clock)))
            .ToList();
        try
        {
            var delivered = await Task.WhenAll(senders.Select(s => Task.Run(() => s.RunOnceAsync(CancellationToken.None))));
            Assert.Equal(12, delivered.Sum());
            Assert.Single(delivered, d => d > 0);
        }
        finally
        {
            senders.ForEach(s => s.Dispose());
        }

        var caught = factory.Mail.Messages.Skip(before).Where(m => m.Subject.StartsWith("Outbox message", StringComparison.Ordinal)).ToList();
        Assert.Equal(12, caught.Count);
        Assert.Equal(12, caught.Select(m => m.Subject).Distinct().Count());
        Assert.Equal(12, await factory.WithDbAsync(db => db.Notifications.CountAsync(n => n.Subject.StartsWith("Outbox message") && n.State == NotificationState.Sent)));
    }

    [Fact]
    public async Task While_another_instance_imports_an_import_is_refused_and_changes_nothing()
    {
        var other = Instance(factory.Clock);
        Assert.True(await other.TryHoldAsync(Lease.Import, TimeSpan.FromMinutes(5), CancellationToken.None));
        var postsBefore = await factory.WithDbAsync(db => db.Posts.CountAsync());

        var refused = await ImportFixtureAsync();
        Assert.Equal("Another import is running; try again when it has finished.", refused.Failure);
        Assert.Equal(postsBefore, await factory.WithDbAsync(db => db.Posts.CountAsync()));

        await other.ReleaseAsync(Lease.Import, CancellationToken.None);
        var imported = await ImportFixtureAsync();
        Assert.True(imported.Succeeded, imported.Failure);
        Assert.True(imported.PostsImported > 0);
        // This instance let the lease go when it finished: the other may import now.
        Assert.True(await other.TryHoldAsync(Lease.Import, TimeSpan.FromMinutes(5), CancellationToken.None));
        await other.ReleaseAsync(Lease.Import, CancellationToken.None);
    }

    private async Task<ImportReport> ImportFixtureAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WordPressImporter>().ImportAsync(WordPressExports.FixturePath, null, null, null, CancellationToken.None);
    }
}
