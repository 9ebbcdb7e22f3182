using ClinicBlog.Core.Authors;
using ClinicBlog.Core.Comments;
using ClinicBlog.Core.Content;
using ClinicBlog.Core.Dashboard;
using ClinicBlog.Core.Posts;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ClinicBlog.Core.Data;

/// <summary>Registers the database and the application services of the core.</summary>
public static class BlogDataServiceCollectionExtensions
{
    /// <summary>Adds the <see cref="BlogDbContext"/> (SQLite or PostgreSQL), the content renderer and the queries.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="database">The provider and its connection string.</param>
    /// <param name="migrationsAssembly">The assembly that holds the EF Core migrations for that provider.</param>
    public static IServiceCollection AddBlogCore(this IServiceCollection services, BlogDatabase database, string migrationsAssembly)
    {
        ArgumentNullException.ThrowIfNull(database);
        services.AddSingleton(database);
        services.AddSingleton<TimestampInterceptor>();
        services.AddSingleton<PublicContentChanges>();
        // Pooled: a reader page would otherwise build EF's per-context services on every request
        // (measured as the largest single allocation on the uncached post page).
        services.AddDbContextPool<BlogDbContext>((sp, options) =>
        {
            if (database.IsSqlite)
            {
                options.UseSqlite(database.ConnectionString, sqlite => sqlite.MigrationsAssembly(migrationsAssembly));
            }
            else
            {
                options.UseNpgsql(database.ConnectionString, npgsql => npgsql.MigrationsAssembly(migrationsAssembly));
            }

            options.AddInterceptors(sp.GetRequiredService<TimestampInterceptor>(), sp.GetRequiredService<PublicContentChanges>());
        });

        services.AddSingleton<MarkdownRenderer>();
        services.TryAddSingleton<IPublicContentCache, NoPublicContentCache>();
        services.AddScoped<PublishedPostQuery>();
        services.AddScoped<ApprovedCommentQuery>();
        services.AddScoped<CommentSubmissionService>();
        services.AddScoped<CommentModerationService>();
        services.AddScoped<CommenterPersonalData>();
        services.AddScoped<Notifications.NotificationPlanner>();
        services.TryAddSingleton<ISharedChanges, NoSharedChanges>();
        services.TryAddSingleton<Notifications.NotificationSignal>();
        services.AddSingleton<InstanceLeases>();
        services.AddScoped<ModerationQueueQuery>();
        services.AddScoped<PostContentWriter>();
        services.AddScoped<PostEditorService>();
        services.AddScoped<PostAutosaveService>();
        services.AddScoped<Reviews.PostReviewService>();
        services.AddScoped<PostAdminQuery>();
        services.AddScoped<Media.MediaLibrary>();
        services.AddScoped<AuthorAdminService>();
        services.AddScoped<Pages.PageService>();
        services.AddScoped<Pages.PageQuery>();
        services.AddScoped<Pages.MenuService>();
        services.AddScoped<Import.WordPressImporter>();
        services.AddSingleton<Import.WordPressImporter.Gate>();
        services.AddSingleton<Pages.SiteLinks>();
        services.AddSingleton<Redirects.RedirectTable>();
        services.AddScoped<Redirects.RedirectService>();
        services.AddScoped<StaffAccountService>();
        services.AddScoped<Audit.IAuditLog, Audit.AuditLog>();
        services.AddScoped<Audit.AuditLogQuery>();
        services.AddScoped<Search.PostSearchQuery>();
        services.AddScoped<AuthorQuery>();
        services.AddScoped<StaffDashboardQuery>();
        services.AddScoped<BlogSeeder>();
        services.AddScoped<StaffBootstrapper>();
        return services;
    }

    /// <summary>Builds the connection string for a database file, with foreign keys enforced and a
    /// generous busy timeout so writers wait for each other instead of failing.</summary>
    public static string SqliteConnectionStringFor(string databasePath) => new SqliteConnectionStringBuilder
    {
        DataSource = databasePath,
        ForeignKeys = true,
        DefaultTimeout = 30,
        Pooling = true,
    }.ToString();
}
