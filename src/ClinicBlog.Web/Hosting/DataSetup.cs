using ClinicBlog.Core.Settings;
using ClinicBlog.Core;
using ClinicBlog.Core.Data;
using ClinicBlog.Migrations;
using ClinicBlog.Web.Accounts;
using Microsoft.AspNetCore.DataProtection;

namespace ClinicBlog.Web.Hosting;

internal static class DataSetup
{
    /// <summary>Options, the data directory, the database and the Data Protection key ring.
    /// Everything the blog keeps lives under <see cref="BlogOptions.DataDirectory"/>.</summary>
    public static void AddBlogData(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<BlogOptions>()
            .BindConfiguration(BlogOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => ClinicTime.TryFindZone(o.TimeZone, out _), "Blog:TimeZone must be an IANA time zone name such as Europe/London or America/Chicago.")
            .ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSiteSettings();
        builder.Services.AddSingleton<ClinicTime>();

        var dataDirectory = ResolveDataDirectory(builder);
        var database = ResolveDatabase(builder, dataDirectory);
        builder.Services.AddSingleton(new BlogDataDirectory(dataDirectory));
        builder.Services.AddBlogCore(database, database.IsSqlite ? MigrationsAssembly.Name : ClinicBlog.Migrations.PostgreSql.PostgreSqlMigrationsAssembly.Name);
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName("ClinicBlog");
        if (database.IsSqlite)
        {
            dataProtection.PersistKeysToFileSystem(OwnerOnlyFiles.CreateDirectory(Path.Combine(dataDirectory, "keys")));
        }
        else
        {
            // In the database every instance shares one key ring: a sign-in cookie or an antiforgery token
            // issued by one instance is accepted by the others.
            dataProtection.PersistKeysToDbContext<BlogDbContext>();
        }
    }

    /// <summary>Applies migrations and seeds before the app takes its first request.</summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        await DatabaseInitializer.InitializeAsync(app.Services, app.Lifetime.ApplicationStopping);
        await ProtectedAuthenticatorKeyStore.ProtectPlainKeysAsync(app.Services, app.Lifetime.ApplicationStopping);
        // The settings saved from /admin/settings, over configuration's, before the first request.
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SiteSettingsService>().LoadAsync(app.Lifetime.ApplicationStopping);
        // Read before the first request: the redirects and the header and footer links live in memory.
        await app.Services.GetRequiredService<Core.Redirects.RedirectTable>().WarmAsync(app.Lifetime.ApplicationStopping);
        await app.Services.GetRequiredService<Core.Pages.SiteLinks>().GetAsync(app.Lifetime.ApplicationStopping);
    }

    /// <summary><c>Blog:Database:Provider</c> (Sqlite, the default, or PostgreSql) and <c>ConnectionStrings:Blog</c>:
    /// SQLite needs none (a file in the data directory); PostgreSQL cannot start without one.</summary>
    private static BlogDatabase ResolveDatabase(WebApplicationBuilder builder, string dataDirectory)
    {
        var configured = builder.Configuration[$"{BlogOptions.Section}:Database:Provider"];
        if (!Enum.TryParse<DatabaseProvider>(string.IsNullOrWhiteSpace(configured) ? nameof(DatabaseProvider.Sqlite) : configured.Trim(), ignoreCase: true, out var provider)
            || !Enum.IsDefined(provider))
        {
            throw new InvalidOperationException($"Blog:Database:Provider is \"{configured}\": it must be Sqlite (the default) or PostgreSql.");
        }

        var connectionString = builder.Configuration.GetConnectionString("Blog");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider == DatabaseProvider.PostgreSql)
            {
                throw new InvalidOperationException("Blog:Database:Provider is PostgreSql but ConnectionStrings:Blog is empty: give it, such as Host=db;Database=clinicblog;Username=clinicblog;Password=….");
            }

            connectionString = BlogDataServiceCollectionExtensions.SqliteConnectionStringFor(Path.Combine(dataDirectory, "blog.db"));
        }

        return new BlogDatabase(connectionString, provider);
    }

    private static string ResolveDataDirectory(WebApplicationBuilder builder)
    {
        var configured = builder.Configuration[$"{BlogOptions.Section}:{nameof(BlogOptions.DataDirectory)}"];
        var path = Path.GetFullPath(Path.Combine(
            builder.Environment.ContentRootPath,
            string.IsNullOrWhiteSpace(configured) ? "data" : configured));
        try
        {
            OwnerOnlyFiles.CreateDirectory(path);
            Directory.CreateDirectory(Path.Combine(path, "uploads"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"Blog:DataDirectory points to '{path}', which cannot be created or written: {e.Message}", e);
        }

        return path;
    }
}
