namespace ClinicBlog.Web.Hosting;

internal static class ErrorPagesSetup
{
    /// <summary>Friendly pages for errors and unknown URLs. Outside Development no stack trace ever
    /// reaches a visitor; in Development the exception page helps the developer.</summary>
    public static void UseBlogErrorPages(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }
        else
        {
            app.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = "/error/500",
                // A request the server could not read (a body over the limit, a malformed form) is the
                // client's mistake: say so with its own status rather than a 500.
                StatusCodeSelector = exception => exception switch
                {
                    Microsoft.AspNetCore.Http.BadHttpRequestException bad => bad.StatusCode,
                    InvalidDataException => StatusCodes.Status400BadRequest,
                    // Another writer (a long import) held the database past the busy timeout: a moment's wait.
                    _ when ClinicBlog.Core.Data.BlogDatabase.IsBusy(exception) => StatusCodes.Status503ServiceUnavailable,
                    // The shared Redis (several instances) is unreachable for a moment: sign-in waits for it.
                    _ when SharedState.RedisFailures.IsUnavailable(exception) => StatusCodes.Status503ServiceUnavailable,
                    _ => StatusCodes.Status500InternalServerError,
                },
            });
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/error/{0}");
    }
}
