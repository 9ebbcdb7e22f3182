using ClinicBlog.Core.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicBlog.Web.Tests;

/// <summary>Hosts the app on its own SQLite file in its own data directory. The app's start-up
/// migrations build the schema, so every test run exercises the real migrations and seed.</summary>
public class BlogFactory : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@clinic.test";
    public const string AdminPassword = "Test-admin-password-42";

    public BlogFactory() => ClientOptions.BaseAddress = Https;

    public string DataDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "clinicblog-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Delete the data directory on dispose (off to restart the app on the same data).</summary>
    public bool DeleteDataOnDispose { get; init; } = true;

    /// <summary>Whether the first-admin settings are given (false tests the generated password).</summary>
    protected virtual bool ConfigureAdmin => true;

    /// <summary>A clock the test moves by hand; null keeps the real clock.</summary>
    public virtual Microsoft.Extensions.Time.Testing.FakeTimeProvider? Clock => null;

    /// <summary>True to keep the app's own key ring (a test of sharing it); otherwise each host has ephemeral keys.</summary>
    protected virtual bool KeepsDataProtectionKeys => false;

    /// <summary>Settings a test class needs on top of the defaults.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Blog:DataDirectory", DataDirectory);
        // Many tests post comments from one client; only the rate-limit tests want the real limit.
        builder.UseSetting("Blog:Comments:RateLimitPermits", "100000");
        builder.UseSetting("Blog:SignInRateLimitPermits", "100000");
        // Most tests arrange data straight in the database, behind the cache's back; the cache tests
        // (and the browser tests) run with it on and change content only through the app.
        builder.UseSetting("Blog:OutputCache", "false");
        // CLINICBLOG_TEST_DATABASE=PostgreSql runs the class on a database of its own on the test run's
        // throwaway PostgreSQL server (tests/run does a second pass so); a class that chooses its own
        // provider or connection string keeps them.
        if (TestDatabase.IsPostgreSql && !Settings.ContainsKey("ConnectionStrings:Blog") && !Settings.ContainsKey("Blog:Database:Provider"))
        {
            builder.UseSetting("Blog:Database:Provider", "PostgreSql");
            builder.UseSetting("ConnectionStrings:Blog", TestDatabase.PostgreSqlDatabaseFor(DataDirectory));
        }

        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        if (ConfigureAdmin)
        {
            builder.UseSetting("Blog:Admin:Email", AdminEmail);
            builder.UseSetting("Blog:Admin:Password", AdminPassword);
        }

        // Parallel hosts must not share a key ring on disk.
        builder.ConfigureTestServices(services =>
        {
            if (!KeepsDataProtectionKeys)
            {
                services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
            }
            // First of all start-up filters, so it runs before the host's own (forwarded headers among them).
            services.Insert(0, ServiceDescriptor.Transient<IStartupFilter, RemoteAddressFromTestHeader>());
            if (Clock is not null)
            {
                services.AddSingleton<TimeProvider>(Clock);
            }
        });
    }

    /// <summary>Runs <paramref name="work"/> with a fresh DbContext from the app's own container.</summary>
    public async Task<T> WithDbAsync<T>(Func<BlogDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<BlogDbContext>());
    }

    public Task WithDbAsync(Func<BlogDbContext, Task> work) =>
        WithDbAsync(async db => { await work(db); return true; });

    public HttpClient CreateBrowserlikeClient(bool followRedirects = true) =>
        CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = Https, AllowAutoRedirect = followRedirects, HandleCookies = true });

    /// <summary>Staff cookies are Secure outside Development, so clients talk HTTPS as browsers would.</summary>
    public static Uri Https { get; } = new("https://localhost");

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (DeleteDataOnDispose && Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }

        GC.SuppressFinalize(this);
    }
}

/// <summary>The in-memory test server has no TCP peer. A request carrying <see cref="Header"/> arrives
/// from that address, as if over the network; the app's own middleware (forwarded headers, rate limits)
/// runs after this as it would behind a real socket.</summary>
public sealed class RemoteAddressFromTestHeader : IStartupFilter
{
    public const string Header = "X-Test-Remote-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var value))
            {
                context.Connection.RemoteIpAddress = System.Net.IPAddress.Parse(value.ToString());
                context.Request.Headers.Remove(Header);
            }

            return nextMiddleware(context);
        });
        next(app);
    };
}
