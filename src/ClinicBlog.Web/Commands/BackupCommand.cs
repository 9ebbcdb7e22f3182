using ClinicBlog.Core.Data;
using ClinicBlog.Web.Hosting;

namespace ClinicBlog.Web.Commands;

/// <summary><c>ClinicBlog.Web backup &lt;file&gt;</c>: writes a consistent copy of the database while
/// the blog runs (same settings as the app: <c>Blog:DataDirectory</c>, <c>ConnectionStrings:Blog</c>).</summary>
internal static class BackupCommand
{
    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == "backup";

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 2 || args[1].StartsWith('-'))
        {
            await Console.Error.WriteLineAsync("Usage: dotnet run --project src/ClinicBlog.Web -- backup <file> [settings such as --Blog:DataDirectory=data]");
            return 2;
        }

        var builder = WebApplication.CreateBuilder(args[2..]);
        builder.AddBlogData();
        await using var app = builder.Build();
        var database = app.Services.GetRequiredService<BlogDatabase>();
        if (!database.IsSqlite)
        {
            await Console.Error.WriteLineAsync("The blog runs on PostgreSQL: back it up with PostgreSQL's own tools, such as pg_dump --format=custom (see the README's Backups). Uploaded images are in the uploads folder.");
            return 1;
        }

        try
        {
            var check = await DatabaseBackup.WriteAsync(database.ConnectionString, args[1], CancellationToken.None);
            await Console.Out.WriteLineAsync($"Backup written to {Path.GetFullPath(args[1])} (integrity check: {check}).");
            return 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or Microsoft.Data.Sqlite.SqliteException)
        {
            await Console.Error.WriteLineAsync("Backup failed: " + e.Message);
            return 1;
        }
    }
}
