using ClinicBlog.Core.Authors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicBlog.Core.Data;

/// <summary>Brings the database up to date at start-up: migrations, WAL mode, seed content, first admin.</summary>
public static class DatabaseInitializer
{
    public static async Task InitializeAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BlogDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        // WAL lets readers go on while a comment is written, and survives a crash mid-write.
        // The mode is stored in the database file, so setting it once per start is enough.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        await scope.ServiceProvider.GetRequiredService<BlogSeeder>().SeedAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<StaffBootstrapper>().EnsureAsync(cancellationToken);
    }
}
