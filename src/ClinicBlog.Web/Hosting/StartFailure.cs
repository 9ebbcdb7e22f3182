using System.Reflection;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Hosting;

namespace ClinicBlog.Web.Hosting;

/// <summary>A start that cannot succeed (a setting the blog refuses, a database it cannot use or reach, an address
/// another program listens on) ends the process with one line saying why and exit code 1, instead of .NET's abort
/// on an unhandled exception (exit code 134, the stack trace twice, a core dump where those are kept, which
/// supervisors report as a crash). The log keeps the whole exception.</summary>
internal static class StartFailure
{
    /// <summary>Only the blog's own process ends here. Hosted inside another program (a test host, <c>dotnet ef</c>)
    /// the exception is that program's to see, as is the host builder's deliberate stop.</summary>
    public static bool EndsThisProcess(Exception e) =>
        e is not HostAbortedException && Assembly.GetEntryAssembly() == typeof(StartFailure).Assembly;

    /// <summary>Logs the failure with <paramref name="unrunApp"/> (an app whose host has not run: a host that ran
    /// logged its own failure and is disposed), prints the line, returns the exit code.</summary>
    public static async Task<int> ReportAsync(Exception e, WebApplication? unrunApp)
    {
        if (unrunApp is { } app)
        {
            app.Logger.LogCritical(e, "ClinicBlog did not start");
            await app.DisposeAsync(); // flushes the log
        }

        var advice = e is IOException { InnerException: AddressInUseException }
            ? " Another program is listening there: stop it, or give the blog another address with --urls (for example --urls http://127.0.0.1:8081)."
            : "";
        await Console.Error.WriteLineAsync($"ClinicBlog did not start. {Describe(e)}{advice}");
        return 1;
    }

    /// <summary>The message, with the causes it does not already state (a refused connection under a failed connect).</summary>
    private static string Describe(Exception e)
    {
        var text = e.Message;
        for (var cause = e.InnerException; cause is not null; cause = cause.InnerException)
        {
            if (!text.Contains(cause.Message, StringComparison.OrdinalIgnoreCase))
            {
                text += $" ({cause.Message})";
            }
        }

        return text;
    }
}
