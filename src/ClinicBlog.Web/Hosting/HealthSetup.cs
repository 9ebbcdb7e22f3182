using ClinicBlog.Web.Health;

namespace ClinicBlog.Web.Hosting;

internal static class HealthSetup
{
    public static void AddBlogHealthChecks(this IServiceCollection services) =>
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

    /// <summary><c>/healthz</c>: 200 "Healthy" when the database answers a real query, 503 otherwise.</summary>
    public static void MapBlogHealthChecks(this WebApplication app) =>
        app.MapHealthChecks("/healthz").DisableHttpMetrics();
}
