using Microsoft.AspNetCore.Mvc;

namespace ClinicBlog.Web.Hosting;

internal static class MvcSetup
{
    /// <summary>MVC with lower-case URLs and antiforgery validation on every unsafe request.
    /// (The anonymous comment form opts out and checks the request's origin instead.)</summary>
    public static void AddBlogMvc(this WebApplicationBuilder builder)
    {
        // Serves the build's static assets (fingerprinted, pre-compressed) in every environment when
        // run from source; a published app has no such manifest and serves its own copy.
        builder.WebHost.UseStaticWebAssets();
        var services = builder.Services;
        services.AddControllersWithViews(options =>
        {
            options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
        });
        services.AddHttpContextAccessor();
        services.AddScoped<Models.PublicUrls>();
        services.AddSingleton<Models.ReaderLinks>();
        services.AddRouting(options =>
        {
            options.LowercaseUrls = true;
            options.AppendTrailingSlash = false;
        });
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "clinicblog.af";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.HttpOnly = true;
        });
        // The server's name and version are nobody's business.
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(options =>
        {
            options.AddServerHeader = false;
            options.Limits.MaxRequestBodySize = RequestLimits.MaxBodyBytes;
        });
    }

    /// <summary>The health check, the build's static assets and the controllers' endpoints (discovering the
    /// controllers takes about 150 ms of the start). Needs nothing from the database.</summary>
    public static void MapBlogEndpoints(this WebApplication app)
    {
        app.MapBlogHealthChecks();
        app.MapStaticAssets();
        app.MapControllers().WithStaticAssets();
    }
}
