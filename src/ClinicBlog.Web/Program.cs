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

var builder = WebApplication.CreateBuilder(args);

builder.AddBlogServices();

var app = builder.Build();

await app.InitializeDatabaseAsync();
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

app.MapBlogHealthChecks();
app.MapStaticAssets();
app.MapControllers().WithStaticAssets();

await app.RunBlogAsync();

/// <summary>The entry point, public so integration tests can host the app.</summary>
public partial class Program;
