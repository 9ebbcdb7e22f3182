using ClinicBlog.Core.Content;
using ClinicBlog.Core.Data;
using ClinicBlog.Core.Posts;
using Microsoft.EntityFrameworkCore;

namespace ClinicBlog.Web.Tests;

/// <summary>The seeded article as readers should see it, and a way to add more posts.</summary>
public static class TestContent
{
    public const string SeedTitle = "What Is Ketamine IV Treatment";
    public const string SeedSlug = "what-is-ketamine-iv-treatment";
    public const string SeedUrl = "/posts/" + SeedSlug;

    public static readonly string[] SeedSectionHeadings =
    [
        "Understanding Ketamine IV Treatment",
        "Benefits of Ketamine IV Treatment",
        "Potential Side Effects and Considerations",
    ];

    /// <summary>Adds a post by the seeded author and returns its slug.</summary>
    public static Task<string> AddPostAsync(
        this BlogFactory factory, string title, PostStatus status, DateTime? publishedAt, params string[] tagSlugs) =>
        factory.AddPostByAsync(null, title, status, publishedAt, tagSlugs);

    /// <summary>Adds a post by the given author (the seeded one when null) and returns its slug.</summary>
    public static Task<string> AddPostByAsync(
        this BlogFactory factory, int? authorId, string title, PostStatus status, DateTime? publishedAt, params string[] tagSlugs) =>
        factory.WithDbAsync(db => AddPostAsync(db, authorId, title, status, publishedAt, tagSlugs));

    /// <summary>Adds a post straight to a database (another process's, for instance) and returns its slug.</summary>
    public static async Task<string> AddPostAsync(BlogDbContext db, int? authorId, string title, PostStatus status, DateTime? publishedAt, params string[] tagSlugs)
    {
        var renderer = new MarkdownRenderer();
        var body = $"## About {title}\n\nA short article written for the tests.";
        var post = new Post
        {
            Title = title,
            Slug = SlugGenerator.Generate(title),
            Summary = $"Summary of {title}",
            Body = body,
            BodyHtml = string.Empty,
            Status = status,
            PublishedAt = publishedAt,
            AuthorId = authorId ?? await db.Authors.Where(a => a.Slug == "editorial-team").Select(a => a.Id).FirstAsync(),
        };
        post.SetBody(body, renderer);
        post.Tags.AddRange(await db.Tags.Where(t => tagSlugs.Contains(t.Slug)).ToListAsync());
        db.Posts.Add(post);
        await db.SaveChangesAsync();
        return post.Slug;
    }
}
