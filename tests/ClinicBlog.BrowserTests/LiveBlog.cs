using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ClinicBlog.BrowserTests;

/// <summary>The blog on real Kestrel (a free loopback port, its own data directory) and Debian's
/// Chromium driven by Playwright. Chromium is launched so it never reaches beyond this machine.</summary>
public sealed class LiveBlog : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminEmail = "admin@clinic.test";
    public const string AdminPassword = "Browser-admin-password-42";

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "clinicblog-browser", Guid.NewGuid().ToString("N"));
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public LiveBlog() => UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Blog:DataDirectory", _dataDirectory);
        builder.UseSetting("Blog:Admin:Email", AdminEmail);
        builder.UseSetting("Blog:Admin:Password", AdminPassword);
        builder.ConfigureTestServices(services =>
            services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider()));
    }

    public async Task InitializeAsync()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
                "--proxy-server=127.0.0.1:9",
            ],
        });
    }

    /// <summary>A new page that records console errors and failed requests, for assertions.</summary>
    public async Task<(IPage Page, List<string> Problems)> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        // Generous waits: CI machines are small and busy; a real defect still fails, only later.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                problems.Add($"console {message.Type}: {message.Text} at {message.Location}");
            }
        };
        page.PageError += (_, error) => problems.Add("page error: " + error);
        page.RequestFailed += (_, request) =>
        {
            // A request the browser itself cancelled because the page navigated on (a slow favicon on a
            // busy machine, say) is not a defect; any other failure is.
            if (request.Failure != "net::ERR_ABORTED")
            {
                problems.Add($"request failed: {request.Url} ({request.Failure})");
            }
        };
        // Readers' privacy: no page may make the browser talk to anyone but the blog.
        var origin = BaseAddress.GetLeftPart(UriPartial.Authority);
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(origin, StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                problems.Add("third-party request: " + request.Url);
            }
        };
        return (page, problems);
    }

    /// <summary>Signs in through the sign-in page, as staff do, and waits for the dashboard.</summary>
    public static async Task SignInAsync(IPage page, string email = AdminEmail, string password = AdminPassword)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        try
        {
            await page.WaitForURLAsync("**/admin");
        }
        catch (TimeoutException e)
        {
            // Say where the browser stayed: a refused form and a submission that never left are different faults.
            throw new TimeoutException($"Signing in did not reach /admin: the browser is on {page.Url}, titled \"{await page.TitleAsync()}\".", e);
        }
    }

    /// <summary>The page's axe-core violations of WCAG 2.2 AA and best practice, one line each (none: empty).</summary>
    public static async Task<IReadOnlyList<string>> AxeViolationsAsync(IPage page)
    {
        var results = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
        });
        return results.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}").ToList();
    }

    /// <summary>Saves a screenshot when CLINICBLOG_SCREENSHOTS names a folder (to refresh the README's pictures).</summary>
    public static async Task SaveScreenshotAsync(IPage page, string name, string? selector = null)
    {
        var folder = Environment.GetEnvironmentVariable("CLINICBLOG_SCREENSHOTS");
        if (string.IsNullOrEmpty(folder))
        {
            return;
        }

        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        if (selector is null)
        {
            await page.ScreenshotAsync(new() { Path = path });
        }
        else
        {
            await page.Locator(selector).ScreenshotAsync(new() { Path = path });
        }
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }
}
