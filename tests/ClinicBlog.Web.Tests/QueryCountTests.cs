using System.Data.Common;
using ClinicBlog.Core.Comments;
using ClinicBlog.Core.Data;
using ClinicBlog.Core.Posts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicBlog.Web.Tests;

/// <summary>Counts the SQL commands each reader page runs: a small fixed number however much it shows.</summary>
public sealed class QueryCountTests(QueryCountTests.Factory factory) : IClassFixture<QueryCountTests.Factory>
{
    public sealed class Factory : BlogFactory
    {
        public CommandCounter Counter { get; } = new();

        // The background sender's rounds would add their own commands to the count.
        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Blog:Notifications:PollSeconds"] = "3600" };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.ConfigureDbContext<BlogDbContext>(options => options.AddInterceptors(Counter)));
        }
    }

    public sealed class CommandCounter : DbCommandInterceptor
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Reset() => Interlocked.Exchange(ref _count, 0);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }
    }

    // On SQLite the search runs its statements prepared and kept on connections of their own
    // (SqliteSearchStatements), outside EF Core where this counter looks; DiscoveryTests checks that search.
    private static readonly string[] Pages =
    [
        "/", "/?page=2", TestContent.SeedUrl, "/tags/ketamine", "/authors/editorial-team", "/archive",
        "/feed.xml", "/atom.xml", "/sitemap.xml", .. (string[])(TestDatabase.IsPostgreSql ? ["/search?q=ketamine"] : []),
    ];

    [Fact]
    public async Task Each_reader_page_runs_a_small_fixed_number_of_sql_commands_whatever_the_data_size()
    {
        await AddContentAsync(posts: 15, comments: 20);
        var small = await CountAsync();
        await AddContentAsync(posts: 40, comments: 300);
        var large = await CountAsync();

        foreach (var page in Pages)
        {
            Assert.True(large[page] >= 1, $"{page} ran no SQL at all: the counter is not wired up");
            Assert.True(large[page] <= 4, $"{page} ran {large[page]} SQL commands");
            Assert.True(large[page] == small[page], $"{page} ran {small[page]} commands with little data and {large[page]} with more");
        }
    }

    private async Task<Dictionary<string, int>> CountAsync()
    {
        using var client = factory.CreateBrowserlikeClient();
        var counts = new Dictionary<string, int>();
        foreach (var page in Pages)
        {
            factory.Counter.Reset();
            using var response = await client.GetAsync(page);
            Assert.True(response.IsSuccessStatusCode, $"{page} answered {(int)response.StatusCode}");
            counts[page] = factory.Counter.Count;
        }

        return counts;
    }

    private Task AddContentAsync(int posts, int comments) =>
        factory.WithDbAsync(async db =>
        {
            var author = await db.Authors.FirstAsync();
            var tags = await db.Tags.ToListAsync();
            var start = await db.Posts.CountAsync();
            for (var i = 0; i < posts; i++)
            {
                var post = new Post
                {
                    Title = $"Ketamine note {start + i}",
                    Slug = $"ketamine-note-{start + i}",
                    Summary = "A note.",
                    Body = "Ketamine and glutamate.",
                    BodyHtml = "<p>Ketamine and glutamate.</p>",
                    SearchText = "Ketamine and glutamate.",
                    Status = PostStatus.Published,
                    PublishedAt = DateTime.UtcNow.AddDays(-1 - i),
                    AuthorId = author.Id,
                };
                post.Tags.AddRange(tags);
                db.Posts.Add(post);
            }

            var seeded = await db.Posts.SingleAsync(p => p.Slug == TestContent.SeedSlug);
            for (var i = 0; i < comments; i++)
            {
                db.Comments.Add(new Comment
                {
                    PostId = seeded.Id, AuthorName = $"Reader {i}", Body = "Thanks", BodyHtml = "<p>Thanks</p>",
                    Status = CommentStatus.Approved, CreatedAt = DateTime.UtcNow.AddMinutes(-i),
                });
            }

            await db.SaveChangesAsync();
        });
}
