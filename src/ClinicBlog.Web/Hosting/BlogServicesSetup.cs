namespace ClinicBlog.Web.Hosting;

internal static class BlogServicesSetup
{
    /// <summary>Everything the blog is made of, one concern per line: the web app and its commands
    /// (such as the WordPress import) build the same services from the same settings.</summary>
    public static void AddBlogServices(this WebApplicationBuilder builder)
    {
        builder.AddBlogLogging();
        builder.AddTrustedProxies();
        builder.AddPublicAddress();
        builder.AddSharedState();
        builder.AddBlogData();
        builder.AddStaffIdentity();
        builder.AddBlogMvc();
        builder.AddBlogComments();
        builder.AddBlogAuthoring();
        builder.AddReaderCaching();
        builder.AddStaffNotifications();
        builder.Services.AddBlogHealthChecks();
    }
}
