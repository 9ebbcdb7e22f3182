using ClinicBlog.Core.Comments;
using ClinicBlog.Core.Data;
using Microsoft.Extensions.Options;

namespace ClinicBlog.Web.Hosting;

internal static class CommentsSetup
{
    /// <summary>The name of the rate-limit policy on the comment POST.</summary>
    public const string RateLimitPolicy = "comments";

    /// <summary>Comment rules, the IP hasher (salt from settings or the data directory) and the
    /// per-client rate limit on posting comments.</summary>
    public static void AddBlogComments(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<CommentOptions>()
            .BindConfiguration(CommentOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<CommentOptions>>().Value;
            if (sp.GetRequiredService<BlogDatabase>().IsSqlite)
            {
                var dataDirectory = sp.GetRequiredService<BlogDataDirectory>().Path;
                return new CommenterIpHasher(CommenterIpHasher.LoadOrCreateSalt(options.IpHashSalt, Path.Combine(dataDirectory, "ip-salt.key")));
            }

            // PostgreSQL: in the database, so bans and rate limits know a client on every instance.
            using var scope = sp.CreateScope();
            return new CommenterIpHasher(CommenterIpHasher.LoadOrCreateSalt(options.IpHashSalt, scope.ServiceProvider.GetRequiredService<BlogDbContext>()));
        });

        builder.Services.AddRateLimiter(limiter =>
        {
            // 429 with no body: the status-code pages turn it into the friendly page.
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(RateLimitPolicy, context =>
            {
                var options = context.RequestServices.GetRequiredService<IOptions<CommentOptions>>().Value;
                // Without Redis for a moment, comments are still taken (they wait for moderation anyway).
                return SharedStateSetup.FixedWindow(context, RateLimitPolicy, options.RateLimitPermits, TimeSpan.FromSeconds(options.RateLimitWindowSeconds), failOpen: true);
            });
        });
    }
}
