using Microsoft.AspNetCore.Connections;

namespace ClinicBlog.Web.Hosting;

internal static class ServerRun
{
    /// <summary>Runs the blog until it is stopped. An address that another program already listens on ends the
    /// start with one line saying what to do and exit code 1, instead of .NET's abort on an unhandled exception
    /// (exit code 134, a second stack trace, a core dump where those are kept).</summary>
    public static async Task RunBlogAsync(this WebApplication app)
    {
        try
        {
            await app.RunAsync();
        }
        catch (IOException e) when (e.InnerException is AddressInUseException)
        {
            // The host has logged the failure and is disposed (its logger with it): straight to standard error.
            await Console.Error.WriteLineAsync(
                $"ClinicBlog did not start. {e.Message} Another program is listening there: stop it, or give the blog another address with --urls (for example --urls http://127.0.0.1:8081).");
            Environment.ExitCode = 1;
        }
    }
}
