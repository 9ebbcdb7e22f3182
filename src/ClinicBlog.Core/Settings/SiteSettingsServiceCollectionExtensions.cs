using ClinicBlog.Core.Comments;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ClinicBlog.Core.Settings;

public static class SiteSettingsServiceCollectionExtensions
{
    /// <summary>Settings saved from the admin laid over configuration's. <c>IOptions&lt;BlogOptions&gt;</c>
    /// and <c>IOptions&lt;CommentOptions&gt;</c> then always give the current values (they read the options
    /// monitor, which rereads when the settings change), so every page uses a change at once.</summary>
    public static IServiceCollection AddSiteSettings(this IServiceCollection services)
    {
        services.AddSingleton<SiteSettingsStore>();
        services.AddSingleton<IOptionsChangeTokenSource<BlogOptions>>(sp => sp.GetRequiredService<SiteSettingsStore>());
        services.AddSingleton<IOptionsChangeTokenSource<CommentOptions>>(sp => sp.GetRequiredService<SiteSettingsStore>());
        services.AddSingleton<SiteSettingsOverrides>();
        services.AddSingleton<IPostConfigureOptions<BlogOptions>>(sp => sp.GetRequiredService<SiteSettingsOverrides>());
        services.AddSingleton<IPostConfigureOptions<CommentOptions>>(sp => sp.GetRequiredService<SiteSettingsOverrides>());
        services.AddSingleton<IOptions<BlogOptions>>(sp => new CurrentOptions<BlogOptions>(sp.GetRequiredService<IOptionsMonitor<BlogOptions>>()));
        services.AddSingleton<IOptions<CommentOptions>>(sp => new CurrentOptions<CommentOptions>(sp.GetRequiredService<IOptionsMonitor<CommentOptions>>()));
        services.AddScoped<SiteSettingsService>();
        return services;
    }

    private sealed class CurrentOptions<T>(IOptionsMonitor<T> monitor) : IOptions<T>
        where T : class
    {
        public T Value => monitor.CurrentValue;
    }
}
