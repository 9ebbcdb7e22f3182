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
            app.UseExceptionHandler("/error/500");
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/error/{0}");
    }
}
