// Fills a blog database with realistic volume through the real model and migrations:
// 10,000 published posts with tags and 200,000 comments (some posts with 500+).
// Usage: dotnet run -c Release --project bench/seed -- <data-directory> [posts] [comments]
using System.Diagnostics;
using ClinicBlog.Core.Comments;
using ClinicBlog.Core.Content;
using ClinicBlog.Core.Data;
using ClinicBlog.Core.Posts;
using ClinicBlog.Migrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

var dataDirectory = Path.GetFullPath(args.Length > 0 ? args[0] : "bench/data/large");
var postCount = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000;
var commentCount = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 200_000;
Directory.CreateDirectory(dataDirectory);
var clock = Stopwatch.StartNew();

var services = new ServiceCollection()
    .AddLogging()
    .AddSingleton(TimeProvider.System)
    .AddBlogCore(new BlogDatabase(BlogDataServiceCollectionExtensions.SqliteConnectionStringFor(Path.Combine(dataDirectory, "blog.db"))), MigrationsAssembly.Name)
    .BuildServiceProvider();

await using (var scope = services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<BlogDbContext>();
    await db.Database.MigrateAsync();
    await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    await scope.ServiceProvider.GetRequiredService<BlogSeeder>().SeedAsync();
    if (await db.Posts.CountAsync() > 1)
    {
        Console.WriteLine($"{dataDirectory} already holds generated posts; nothing to do.");
        return;
    }
}

var random = new Random(42);
var renderer = new MarkdownRenderer();
string[] topics = ["Depression", "Anxiety", "Sleep", "PTSD", "Ketamine", "Mindfulness", "Nutrition", "Exercise", "Bipolar disorder", "ADHD",
    "Therapy", "Medication", "Grief", "Stress", "Addiction", "Teens", "Ageing", "Pain", "Mental Health", "Treatments"];
string[] words = ["treatment", "symptoms", "research", "clinician", "therapy", "evidence", "patients", "recovery", "dose", "sleep",
    "mood", "brain", "support", "family", "study", "risk", "benefit", "care", "plan", "daily", "habits", "anxiety", "relief", "weeks"];

string Sentence(int length) => string.Join(' ', Enumerable.Range(0, length).Select(_ => words[random.Next(words.Length)])) + ".";

await using (var scope = services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<BlogDbContext>();
    db.ChangeTracker.AutoDetectChangesEnabled = false;
    var tags = await db.Tags.ToListAsync();
    foreach (var name in topics.Where(t => tags.All(x => x.Name != t)))
    {
        tags.Add(db.Tags.Add(new Tag { Name = name, Slug = SlugGenerator.Generate(name) }).Entity);
    }

    await db.SaveChangesAsync();
}

var start = DateTime.UtcNow.AddDays(-postCount / 3.0);
for (var batch = 0; batch < postCount; batch += 1000)
{
    // A fresh context per batch: no graph of earlier posts rides along on the tags.
    await using var scope = services.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<BlogDbContext>();
    db.ChangeTracker.AutoDetectChangesEnabled = false;
    var authorId = await db.Authors.Select(a => a.Id).FirstAsync();
    var tags = await db.Tags.ToListAsync();
    {
        for (var i = batch; i < Math.Min(postCount, batch + 1000); i++)
        {
            var body = $"## {Sentence(4)}\n\n{Sentence(40)}\n\n{Sentence(60)}\n\n## {Sentence(3)}\n\n- {Sentence(8)}\n- {Sentence(8)}\n\n{Sentence(50)}";
            var post = new Post
            {
                Title = $"{topics[i % topics.Length]}: {Sentence(5).TrimEnd('.')} ({i})",
                Slug = $"generated-post-{i}",
                Summary = Sentence(14),
                Body = body,
                BodyHtml = string.Empty,
                Status = PostStatus.Published,
                PublishedAt = start.AddMinutes(i * 45),
                AuthorId = authorId,
                // As the editor sets it when a post's text is saved; without it the blog's first start
                // would run the one-time review upgrade over every generated post (and the bench measure it).
                TextChangedAt = DateTime.UtcNow,
            };
            post.SetBody(body, renderer);
            post.Tags.AddRange(Enumerable.Range(0, 3).Select(_ => tags[random.Next(tags.Count)]).Distinct());
            db.Posts.Add(post);
        }

        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
    }
}

await using (var scope = services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<BlogDbContext>();
    db.ChangeTracker.AutoDetectChangesEnabled = false;
    var postIds = await db.Posts.Select(p => p.Id).ToListAsync();
    var busy = postIds.Take(50).ToList(); // a few posts with 500+ comments, as a viral article would have
    var html = renderer.RenderComment("Thank you, this was helpful.");
    for (var batch = 0; batch < commentCount; batch += 10_000)
    {
        for (var i = batch; i < Math.Min(commentCount, batch + 10_000); i++)
        {
            db.Comments.Add(new Comment
            {
                PostId = i % 4 == 0 ? busy[i % busy.Count] : postIds[random.Next(postIds.Count)],
                AuthorName = $"Reader {i}",
                Body = "Thank you, this was helpful.",
                BodyHtml = html,
                // Drawn apart from the post choice, so the busy posts get published comments too.
                Status = random.Next(10) == 0 ? CommentStatus.Pending : CommentStatus.Approved,
                CreatedAt = DateTime.UtcNow.AddMinutes(-i),
            });
        }

        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }
}

Console.WriteLine($"Generated {postCount:N0} posts and {commentCount:N0} comments in {dataDirectory} in {clock.Elapsed.TotalSeconds:0.0} s");
