using System.Globalization;
using ClinicBlog.Core.Comments;
using ClinicBlog.Core.Data;
using ClinicBlog.Core.Security;
using ClinicBlog.Migrations.PostgreSql;
using ClinicBlog.Web.Hosting;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClinicBlog.Web.Commands;

/// <summary><c>ClinicBlog.Web copy-to-postgresql --to "&lt;connection string&gt;" [--uploads-to &lt;folder&gt;]</c>:
/// moves a SQLite blog (the one the app's settings point at) to an empty PostgreSQL database: every table
/// (posts, revisions, pages, comments, bans, authors, staff accounts and their sign-in settings, media
/// records, redirects, settings, audit log, outbox), the Data Protection key ring (so signed-in staff,
/// two-factor keys and pending forms keep working) and the IP-hash salt (so bans still match), then
/// counts every table on both sides. With <c>--uploads-to</c> the image files are copied too.</summary>
internal static class CopyToPostgreSqlCommand
{
    private const string Usage = "Usage: dotnet ClinicBlog.Web.dll copy-to-postgresql --to \"Host=…;Database=…;Username=…;Password=…\" [--uploads-to <folder>] [settings such as --Blog:DataDirectory=data]";

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == "copy-to-postgresql";

    public static async Task<int> RunAsync(string[] args)
    {
        var rest = args[1..].ToList();
        var target = CommandArguments.TakeOption(rest, "--to");
        var uploadsTo = CommandArguments.TakeOption(rest, "--uploads-to");
        if (string.IsNullOrWhiteSpace(target) || uploadsTo == string.Empty)
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        var builder = WebApplication.CreateBuilder(rest.ToArray());
        builder.Configuration.AddInMemoryCollection([new("Serilog:MinimumLevel:Default", "Warning"), new("Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore.Migrations", "Error")]);
        builder.AddBlogServices();
        await using var app = builder.Build();
        var source = app.Services.GetRequiredService<BlogDatabase>();
        if (!source.IsSqlite)
        {
            await Console.Error.WriteLineAsync("This blog already runs on PostgreSQL (Blog:Database:Provider): there is nothing to copy. Use pg_dump and pg_restore to move it between servers.");
            return 1;
        }

        await app.InitializeDatabaseAsync();
        var dataDirectory = app.Services.GetRequiredService<BlogDataDirectory>().Path;
        await using var scope = app.Services.CreateAsyncScope();
        var from = scope.ServiceProvider.GetRequiredService<BlogDbContext>();
        await using var to = new BlogDbContext(new DbContextOptionsBuilder<BlogDbContext>()
            .UseNpgsql(target, npgsql => npgsql.MigrationsAssembly(PostgreSqlMigrationsAssembly.Name))
            .Options);
        try
        {
            await to.Database.MigrateAsync();
            if (!await DatabaseCopy.IsEmptyAsync(to, CancellationToken.None))
            {
                await Console.Error.WriteLineAsync("The PostgreSQL database already has posts, comments or accounts: copy only into an empty database (nothing was changed).");
                return 1;
            }

            var (keys, salt) = (0, string.Empty);
            var counts = await DatabaseCopy.CopyAsync(from, to, new Progress<string>(line => Console.Out.WriteLine("… " + line)), async () =>
            {
                keys = await CopyKeyRingAsync(Path.Combine(dataDirectory, "keys"), to);
                salt = await CopySaltAsync(app, Path.Combine(dataDirectory, "ip-salt.key"), to);
            }, CancellationToken.None);
            if (counts.Any(c => !c.Matches))
            {
                await Console.Out.WriteLineAsync(Report(counts, keys, salt, null, null));
                return 1;
            }

            var files = uploadsTo is null ? (int?)null : CopyUploads(Path.Combine(dataDirectory, "uploads"), Path.GetFullPath(uploadsTo));

            await Console.Out.WriteLineAsync(Report(counts, keys, salt, files, uploadsTo));
            return 0;
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException or DbUpdateException or IOException or ArgumentException)
        {
            await Console.Error.WriteLineAsync($"Copy stopped: {e.GetBaseException().Message}");
            await Console.Error.WriteLineAsync("Everything is copied in one transaction: the PostgreSQL database was left as it was.");
            return 1;
        }
    }

    /// <summary>The SQLite blog keeps its key ring as files; on PostgreSQL it lives in the database.</summary>
    private static async Task<int> CopyKeyRingAsync(string keysDirectory, BlogDbContext to)
    {
        if (!Directory.Exists(keysDirectory))
        {
            return 0;
        }

        var files = Directory.GetFiles(keysDirectory, "*.xml");
        foreach (var file in files)
        {
            to.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = Path.GetFileNameWithoutExtension(file), Xml = await File.ReadAllTextAsync(file) });
        }

        await to.SaveChangesAsync();
        return files.Length;
    }

    /// <summary>The salt file becomes the shared salt, so a client's hash (bans, retention) stays the same.
    /// A salt set in configuration (Blog:Comments:IpHashSalt) stays there: give the new instances the same setting.</summary>
    private static async Task<string> CopySaltAsync(WebApplication app, string saltFile, BlogDbContext to)
    {
        if (!string.IsNullOrWhiteSpace(app.Services.GetRequiredService<IOptions<CommentOptions>>().Value.IpHashSalt))
        {
            return "set in configuration (Blog:Comments:IpHashSalt): give the PostgreSQL instances the same setting";
        }

        if (!File.Exists(saltFile))
        {
            return "none yet (created on first use)";
        }

        to.ServerSecrets.Add(new ServerSecret { Name = ServerSecret.IpHashSalt, Value = (await File.ReadAllTextAsync(saltFile)).Trim() });
        await to.SaveChangesAsync();
        return "copied";
    }

    private static int CopyUploads(string from, string to)
    {
        var copied = 0;
        foreach (var file in Directory.Exists(from) ? Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories) : [])
        {
            var destination = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
            copied++;
        }

        return copied;
    }

    private static string Report(IReadOnlyList<DatabaseCopy.TableCount> counts, int keys, string salt, int? files, string? uploadsTo)
    {
        var lines = new List<string> { string.Empty, $"{"Table",-28} {"SQLite",10} {"PostgreSQL",10}" };
        lines.AddRange(counts.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Table,-28} {c.Source,10:N0} {c.Target,10:N0}{(c.Matches ? string.Empty : "  ← differs")}")));
        lines.Add(string.Empty);
        lines.Add(string.Create(CultureInfo.InvariantCulture, $"Data Protection keys: {keys} copied into the database"));
        lines.Add($"IP-hash salt: {salt}");
        lines.Add(files is null
            ? "Uploaded images: not copied (give --uploads-to, or copy the data directory's uploads folder to the new instances' data directory)"
            : string.Create(CultureInfo.InvariantCulture, $"Uploaded images: {files} files copied to {uploadsTo}"));
        lines.Add(counts.All(c => c.Matches)
            ? string.Create(CultureInfo.InvariantCulture, $"All {counts.Count} tables match. Start the blog with Blog:Database:Provider=PostgreSql and this connection string.")
            : "Some tables differ (see above): nothing was kept in the PostgreSQL database.");
        return string.Join(Environment.NewLine, lines);
    }
}
