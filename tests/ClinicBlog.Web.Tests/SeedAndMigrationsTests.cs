using ClinicBlog.Core.Comments;
using ClinicBlog.Core.Data;
using ClinicBlog.Core.Posts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicBlog.Web.Tests;

public sealed class SeedAndMigrationsTests(BlogFactory factory) : IClassFixture<BlogFactory>
{
    [Fact]
    [Trait("Database", "SqliteOnly")]
    public async Task Start_up_applies_every_migration_to_an_empty_database_in_WAL_mode()
    {
        _ = factory.Services; // start the host

        var (applied, all, pending, journal, foreignKeys) = await factory.WithDbAsync(async db =>
        {
            var journalMode = await db.Database.SqlQueryRaw<string>("SELECT journal_mode AS Value FROM pragma_journal_mode").SingleAsync();
            var fk = await db.Database.SqlQueryRaw<long>("SELECT foreign_keys AS Value FROM pragma_foreign_keys").SingleAsync();
            return (
                (await db.Database.GetAppliedMigrationsAsync()).ToList(),
                db.Database.GetMigrations().ToList(),
                (await db.Database.GetPendingMigrationsAsync()).ToList(),
                journalMode,
                fk);
        });

        Assert.NotEmpty(all);
        Assert.Equal(all, applied);
        Assert.Empty(pending);
        Assert.Equal("wal", journal);
        Assert.Equal(1, foreignKeys);
        Assert.True(File.Exists(Path.Combine(factory.DataDirectory, "blog.db")));
    }

    [Fact]
    public async Task Seeding_again_never_duplicates_anything()
    {
        _ = factory.Services;
        var before = await CountAsync();

        await DatabaseInitializer.InitializeAsync(factory.Services);
        var seededAgain = await factory.WithDbAsync(async db =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<BlogSeeder>().SeedAsync();
        });

        Assert.False(seededAgain);
        Assert.Equal(before, await CountAsync());
        Assert.Equal((1, 1, 4, 1, 1), before);
    }

    [Fact]
    public async Task The_seeded_post_is_published_with_its_approved_comment_and_tags()
    {
        _ = factory.Services;

        var post = await factory.WithDbAsync(db => db.Posts
            .Include(p => p.Author).Include(p => p.Tags).Include(p => p.Comments)
            .SingleAsync(p => p.Slug == TestContent.SeedSlug));

        Assert.Equal(TestContent.SeedTitle, post.Title);
        Assert.Equal(PostStatus.Published, post.Status);
        Assert.Equal(new DateTime(2024, 6, 14, 8, 0, 0, DateTimeKind.Utc), post.PublishedAt);
        Assert.Equal(DateTimeKind.Utc, post.PublishedAt!.Value.Kind);
        Assert.Equal("Clinic Editorial Team", post.Author.DisplayName);
        Assert.Equal(["depression", "ketamine", "mental-health", "treatments"], post.Tags.Select(t => t.Slug).Order());
        Assert.StartsWith("In recent years, Ketamine IV treatment has gained attention", post.Body, StringComparison.Ordinal);
        Assert.Contains("we’ll delve into the science", post.Body, StringComparison.Ordinal);
        var comment = Assert.Single(post.Comments);
        Assert.Equal("David", comment.AuthorName);
        Assert.Equal(CommentStatus.Approved, comment.Status);
        Assert.Equal("Your perspective on this informative topic is invaluable. Thanks for sharing!", comment.Body);
    }

    [Fact]
    public async Task A_database_that_already_has_content_is_left_alone()
    {
        _ = factory.Services;
        await factory.WithDbAsync(db => db.Posts.Where(p => p.Slug == TestContent.SeedSlug)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Title, "Renamed by staff")));

        await DatabaseInitializer.InitializeAsync(factory.Services);

        var titles = await factory.WithDbAsync(db => db.Posts.Select(p => p.Title).ToListAsync());
        Assert.Contains("Renamed by staff", titles);
        Assert.DoesNotContain(TestContent.SeedTitle, titles);
        await factory.WithDbAsync(db => db.Posts.Where(p => p.Slug == TestContent.SeedSlug)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Title, TestContent.SeedTitle)));
    }

    [Fact]
    public async Task A_post_stored_before_search_indexed_visible_text_gets_it_at_the_next_start()
    {
        _ = factory.Services;
        await factory.WithDbAsync(db => db.Posts.Where(p => p.Slug == TestContent.SeedSlug)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.SearchText, string.Empty)));
        using var reader = factory.CreateBrowserlikeClient();
        var before = await reader.GetDocumentAsync("/search?q=delve");

        await DatabaseInitializer.InitializeAsync(factory.Services);
        var after = await reader.GetDocumentAsync("/search?q=delve");

        Assert.Empty(before.QuerySelectorAll(".search-result"));
        Assert.Equal(TestContent.SeedTitle, Assert.Single(after.QuerySelectorAll(".search-result h2 a")).TextContent);
        var text = await factory.WithDbAsync(db => db.Posts.Where(p => p.Slug == TestContent.SeedSlug).Select(p => p.SearchText).SingleAsync());
        Assert.StartsWith("In recent years, Ketamine IV treatment has gained attention", text, StringComparison.Ordinal);
    }

    private Task<(int Posts, int Authors, int Tags, int Comments, int Users)> CountAsync() =>
        factory.WithDbAsync(async db => (
            await db.Posts.CountAsync(),
            await db.Authors.CountAsync(),
            await db.Tags.CountAsync(),
            await db.Comments.CountAsync(),
            await db.Users.CountAsync()));
}

/// <summary>Reviews stored by an earlier version (a hash of the body alone) are carried over at start-up.</summary>
public sealed class EarlierReviewUpgradeTests(BlogFactory factory) : IClassFixture<BlogFactory>
{
    [Fact]
    public async Task A_sign_off_from_before_reviews_covered_the_whole_text_still_covers_a_post_whose_body_it_matched()
    {
        _ = factory.Services;
        var reviewer = await factory.WithDbAsync(async db =>
        {
            var author = new Core.Authors.Author { DisplayName = "Dr Earlier", Slug = "dr-earlier", Credentials = "MD" };
            db.Authors.Add(author);
            await db.SaveChangesAsync();
            return author.Id;
        });
        var staleSlug = await factory.AddPostAsync("Edited after an earlier review", PostStatus.Published, DateTime.UtcNow.AddDays(-3));
        var seedBody = await factory.WithDbAsync(db => db.Posts.Where(p => p.Slug == TestContent.SeedSlug).Select(p => p.Body).SingleAsync());
        // As an earlier version stored them: the hash of the body alone, and no TextChangedAt.
        await factory.WithDbAsync(db => db.Posts.Where(p => p.Slug == TestContent.SeedSlug).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.ReviewerId, reviewer).SetProperty(p => p.ReviewedAt, DateTime.UtcNow.AddDays(-10))
            .SetProperty(p => p.ReviewedContentHash, PostContent.BodyOnlyHash(seedBody)).SetProperty(p => p.TextChangedAt, (DateTime?)null)));
        await factory.WithDbAsync(db => db.Posts.Where(p => p.Slug == staleSlug).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.ReviewerId, reviewer).SetProperty(p => p.ReviewedAt, DateTime.UtcNow.AddDays(-10))
            .SetProperty(p => p.ReviewedContentHash, PostContent.BodyOnlyHash("The body before the edit.")).SetProperty(p => p.ReviewIsStale, true)
            .SetProperty(p => p.TextChangedAt, (DateTime?)null)));

        await DatabaseInitializer.InitializeAsync(factory.Services);

        var seed = await factory.WithDbAsync(db => db.Posts.Include(p => p.Tags).SingleAsync(p => p.Slug == TestContent.SeedSlug));
        Assert.Equal(seed.Content().Fingerprint(), seed.ReviewedContentHash);
        Assert.NotNull(seed.TextChangedAt);
        using var reader = factory.CreateBrowserlikeClient();
        Assert.StartsWith("Medically reviewed by Dr Earlier, MD", (await reader.GetDocumentAsync(TestContent.SeedUrl)).QuerySelector(".reviewed")!.TextContent.Trim(), StringComparison.Ordinal);
        var stale = await reader.GetDocumentAsync($"/posts/{staleSlug}");
        Assert.Null(stale.QuerySelector(".reviewed"));
        Assert.NotNull(stale.QuerySelector(".review-stale"));
    }
}
