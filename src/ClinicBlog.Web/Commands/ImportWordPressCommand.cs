using System.Globalization;
using ClinicBlog.Core.Import;
using ClinicBlog.Web.Hosting;

namespace ClinicBlog.Web.Commands;

/// <summary><c>ClinicBlog.Web import-wordpress &lt;export.xml&gt; [--uploads &lt;folder&gt;]</c>: imports a
/// WordPress export into the blog's database (same settings as the app), printing progress and the report.</summary>
internal static class ImportWordPressCommand
{
    private const string Usage = "Usage: dotnet ClinicBlog.Web.dll import-wordpress <export.xml> [--uploads <copy of wp-content/uploads>] [settings such as --Blog:DataDirectory=data]";

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == "import-wordpress";

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 2 || args[1].StartsWith('-'))
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        var exportFile = Path.GetFullPath(args[1]);
        var rest = args[2..].ToList();
        var uploads = CommandArguments.TakeOption(rest, "--uploads");
        if (uploads == string.Empty)
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        uploads = uploads is null ? null : Path.GetFullPath(uploads);

        if (!File.Exists(exportFile))
        {
            await Console.Error.WriteLineAsync($"No such file: {exportFile}");
            return 2;
        }

        if (uploads is not null && !Directory.Exists(uploads))
        {
            await Console.Error.WriteLineAsync($"No such folder: {uploads}");
            return 2;
        }

        var builder = WebApplication.CreateBuilder(rest.ToArray());
        // The report is the command's output; the app's start-up chatter is not wanted here (warnings are).
        builder.Configuration.AddInMemoryCollection([new("Serilog:MinimumLevel:Default", "Warning"), new("Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore.Migrations", "Error")]);
        builder.AddBlogServices();
        await using var app = builder.Build();
        await app.InitializeDatabaseAsync();

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        await using var scope = app.Services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<WordPressImporter>();
        var progress = new Progress<ImportProgress>(p =>
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"… {p.Items:N0} of {p.Total:N0} items read (line {p.Line:N0}), {p.Comments:N0} comments so far")));
        ImportReport report;
        try
        {
            report = await importer.ImportAsync(exportFile, uploads, userId: null, progress, cancel.Token);
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("Import cancelled: nothing was changed.");
            return 1;
        }

        await Console.Out.WriteLineAsync(ImportReportText.Write(report));
        return report.Succeeded ? 0 : 1;
    }
}
