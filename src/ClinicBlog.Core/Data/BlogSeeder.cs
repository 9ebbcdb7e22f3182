using System.Text.Json;
using ClinicBlog.Core.Audit;
using ClinicBlog.Core.Authors;
using ClinicBlog.Core.Comments;
using ClinicBlog.Core.Content;
using ClinicBlog.Core.Posts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ClinicBlog.Core.Data;

/// <summary>Fills an empty database with the clinic's first article and its reader comment.
/// Idempotent: a database that already holds any author or post is left alone.</summary>
public sealed class BlogSeeder(BlogDbContext db, MarkdownRenderer renderer, IAuditLog audit, ILogger<BlogSeeder> logger)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    /// <summary>Seeds the content if the database has none. Returns true when it wrote anything.</summary>
    public async Task<bool> SeedAsync(CancellationToken cancellationToken = default)
    {
        // Checked on every start, almost always true: a plain read (see PlainReads).
        var content = await db.CountsAsync("""
            SELECT (SELECT COUNT(*) FROM (SELECT 1 FROM "Authors" LIMIT 1) AS a) + (SELECT COUNT(*) FROM (SELECT 1 FROM "Posts" LIMIT 1) AS p)
            """, cancellationToken);
        if (content[0] > 0)
        {
            return false;
        }

        var seed = JsonSerializer.Deserialize<SeedFile>(ReadResource("seed.json"), JsonOptions)
            ?? throw new InvalidOperationException("The embedded seed.json is empty.");
        var body = ReadResource(seed.Post.BodyFile);

        var author = new Author
        {
            DisplayName = seed.Post.Author.DisplayName,
            Slug = seed.Post.Author.Slug,
            Credentials = seed.Post.Author.Credentials,
            Bio = seed.Post.Author.Bio,
            CreatedAt = seed.Post.PublishedAt,
        };
        var post = new Post
        {
            Title = seed.Post.Title,
            Slug = seed.Post.Slug,
            Summary = seed.Post.Subtitle,
            Body = body,
            BodyHtml = string.Empty,
            Status = Enum.Parse<PostStatus>(seed.Post.Status),
            CreatedAt = seed.Post.PublishedAt,
            UpdatedAt = seed.Post.PublishedAt,
            PublishedAt = seed.Post.PublishedAt,
            Author = author,
            CommentsOpen = true,
        };
        post.SetBody(body, renderer);
        post.Tags.AddRange(seed.Post.Tags.Select(name => new Tag { Name = name, Slug = SlugGenerator.Generate(name) }));
        post.Comments.AddRange(seed.Comments.Select(c => new Comment
        {
            AuthorName = c.AuthorName,
            Body = c.Body,
            BodyHtml = renderer.RenderComment(c.Body),
            Status = Enum.Parse<CommentStatus>(c.Status),
            CreatedAt = c.CreatedAt,
            UpdatedAt = c.CreatedAt,
            ModeratedAt = c.CreatedAt,
        }));

        db.Posts.Add(post);
        audit.Record(AuditAction.SeedApplied, null, post.Slug);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Seeded the blog with post {PostSlug} and {CommentCount} comment(s)", post.Slug, post.Comments.Count);
        return true;
    }

    private static string ReadResource(string fileName)
    {
        var name = "ClinicBlog.Seed." + fileName;
        using var stream = typeof(BlogSeeder).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The seed resource {name} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private sealed record SeedFile(SeedPost Post, IReadOnlyList<SeedComment> Comments);

    private sealed record SeedPost(
        string Title, string Slug, string? Subtitle, string BodyFile, string Status, DateTime PublishedAt,
        SeedAuthor Author, IReadOnlyList<string> Tags);

    private sealed record SeedAuthor(string DisplayName, string Slug, string? Credentials, string? Bio);

    private sealed record SeedComment(string AuthorName, DateTime CreatedAt, string Status, string Body);
}
