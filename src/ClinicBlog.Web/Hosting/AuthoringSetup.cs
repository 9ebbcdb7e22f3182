using ClinicBlog.Core.Data;
using ClinicBlog.Core.Media;
using ClinicBlog.Core.Posts;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace ClinicBlog.Web.Hosting;

internal static class AuthoringSetup
{
    /// <summary>Publishing rules and the uploads folder inside the data directory.</summary>
    public static void AddBlogAuthoring(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PostOptions>()
            .BindConfiguration(PostOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => new MediaStorage(Path.Combine(sp.GetRequiredService<BlogDataDirectory>().Path, "uploads")));
        builder.Services.AddSingleton<Areas.Admin.ImportJobs>();
    }

    /// <summary>Serves uploaded images under /media/. Only the four image types are served (never HTML
    /// or SVG, which could carry script), with generated names, so they can be cached for a year.</summary>
    public static void UseBlogMedia(this WebApplication app)
    {
        var storage = app.Services.GetRequiredService<MediaStorage>();
        Directory.CreateDirectory(storage.Directory);
        var types = new FileExtensionContentTypeProvider(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [".jpg"] = "image/jpeg",
            [".png"] = "image/png",
            [".gif"] = "image/gif",
            [".webp"] = "image/webp",
        });
        app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = "/media",
            FileProvider = new PhysicalFileProvider(storage.Directory),
            ContentTypeProvider = types,
            ServeUnknownFileTypes = false,
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                headers[HeaderNames.CacheControl] = "public, max-age=31536000, immutable";
                headers[HeaderNames.ContentSecurityPolicy] = "default-src 'none'; sandbox";
            },
        });
    }
}
