using ClinicBlog.Web.Commands;
using ClinicBlog.Web.Hosting;

if (BackupCommand.IsRequested(args))
{
    Environment.ExitCode = await BackupCommand.RunAsync(args);
    return;
}

if (CopyToPostgreSqlCommand.IsRequested(args))
{
    Environment.ExitCode = await CopyToPostgreSqlCommand.RunAsync(args);
    return;
}

if (ImportWordPressCommand.IsRequested(args))
{
    Environment.ExitCode = await ImportWordPressCommand.RunAsync(args);
    return;
}

// Whatever stops the start ends the process with one line saying why and exit code 1 (see StartFailure).
// A failure once the blog has started (a stop that fails) is not one of those and stays .NET's to report.
WebApplication? app = null;
IHostApplicationLifetime? hostRuns = null;
try
{
    var builder = WebApplication.CreateBuilder(args);

    builder.AddBlogServices();

    app = builder.Build();

    // The database is made ready (migrations, seed, the settings saved from the admin) while the endpoints are
    // found (on SQLite about half a second and 150 ms): neither needs the other. Then the middleware, settings loaded.
    await Task.WhenAll(Task.Run(app.InitializeDatabaseAsync), Task.Run(app.MapBlogEndpoints));

    app.WarnWithoutPublicAddress();

    app.UseTrustedProxies();
    app.UseBlogRequestLogging();
    app.UseBlogErrorPages();
    app.UseSecurityHeaders();
    app.UseBlogMedia();
    app.UseOldAddressRedirects();
    // Cached reader pages are answered here, before routing: a hit needs nothing that follows.
    app.UseReaderCaching();
    app.UseRouting();
    app.UseRequestLimits();
    app.UseRateLimiter();
    app.UseAuthentication();
    app.UseAuthorization();
    app.UseFormBodies();

    hostRuns = app.Lifetime;
    await app.RunAsync();
}
catch (Exception e) when (StartFailure.EndsThisProcess(e) && hostRuns?.ApplicationStarted.IsCancellationRequested != true)
{
    Environment.ExitCode = await StartFailure.ReportAsync(e, unrunApp: hostRuns is null ? app : null);
}

/// <summary>The entry point, public so integration tests can host the app.</summary>
public partial class Program;
