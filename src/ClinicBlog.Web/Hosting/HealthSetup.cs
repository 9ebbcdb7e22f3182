using ClinicBlog.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ClinicBlog.Web.Hosting;

internal static class HealthSetup
{
    public static void AddBlogHealthChecks(this IServiceCollection services) =>
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

    /// <summary><c>/healthz</c>: 200 "Healthy" when the database answers a real query, 503 otherwise.</summary>
    public static void MapBlogHealthChecks(this WebApplication app) =>
        app.MapHealthChecks("/healthz").DisableHttpMetrics();
}

/// <summary>Healthy when the database file opens and its schema answers a query.</summary>
internal sealed class DatabaseHealthCheck(BlogDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await db.Posts.AsNoTracking().AnyAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("The database did not answer.", e);
        }
    }
}
