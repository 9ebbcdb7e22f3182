using Serilog;

namespace ClinicBlog.Web.Hosting;

internal static class LoggingSetup
{
    /// <summary>Serilog, configured from the <c>Serilog</c> section of appsettings.json.</summary>
    public static void AddBlogLogging(this WebApplicationBuilder builder)
    {
        // No static bootstrap logger: several test hosts share one process, and a frozen static
        // logger would be claimed by the first of them. Each host gets its own logger instead.
        builder.Services.AddSerilog(
            (services, logger) => logger
                .ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services),
            preserveStaticLogger: true);
    }

    /// <summary>One log line per request with method, path (no query string), status and time.
    /// No client IPs, emails or query values are logged.</summary>
    public static void UseBlogRequestLogging(this WebApplication app) =>
        app.UseSerilogRequestLogging(options =>
        {
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
            // This host's own logger: the static one is deliberately left alone (see AddBlogLogging).
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
        });
}
