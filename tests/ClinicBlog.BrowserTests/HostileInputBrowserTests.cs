using System.Net;
using ClinicBlog.Core.Comments;
using ClinicBlog.Core.Content;
using ClinicBlog.Core.Data;
using ClinicBlog.Core.Posts;
using ClinicBlog.Web.Tests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ClinicBlog.BrowserTests;

/// <summary>Every hostile input, shown in a real browser as a reader and as staff see it: nothing runs.
/// alert, confirm, prompt, print and window.open are replaced before any page script could run, every
/// dialog and every Content-Security-Policy violation is recorded, and each page's elements get
/// mouse, focus and animation events to wake any handler that slipped through.</summary>
[Trait("Category", "Slow")]
public sealed class HostileInputBrowserTests(LiveBlog blog) : IClassFixture<LiveBlog>
{
    private const int PerPost = 10;

    private static readonly string[] StaffPages =
        ["/admin/comments?status=Approved", "/admin/comments?status=Approved&page=2", "/admin/comments?status=Approved&page=3", "/admin/posts"];

    private const string Hooks = """
        window.__fired = [];
        for (const name of ['alert', 'confirm', 'prompt', 'print', 'open']) {
          window[name] = (...args) => { window.__fired.push(name + ':' + String(args[0])); };
        }
        document.addEventListener('securitypolicyviolation', e => window.__fired.push('csp:' + e.violatedDirective + ' ' + e.sample));
        """;

    private const string Provoke = """
        () => {
          for (const el of document.querySelectorAll('body *')) {
            for (const type of ['mouseover', 'mouseenter', 'focus', 'focusin', 'toggle', 'animationstart', 'load', 'error', 'begin']) {
              el.dispatchEvent(new Event(type));
            }
          }
          return new Promise(resolve => setTimeout(() => resolve(window.__fired), 300));
        }
        """;

    [Fact]
    public async Task No_hostile_input_runs_in_the_browser_on_any_page_that_shows_it()
    {
        var slugs = await ArrangeAsync();
        var (page, problems) = await blog.NewPageAsync();
        await page.Context.AddInitScriptAsync(Hooks);
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Type + ": " + dialog.Message);
            await dialog.DismissAsync();
        };

        var readerPages = slugs.Select(s => "/posts/" + s).Concat(["/", "/?page=2", "/search?q=script", "/search?q=alert", "/archive"]);
        var fired = new List<string>();
        foreach (var url in readerPages)
        {
            fired.AddRange(await VisitAsync(page, url));
        }

        await LiveBlog.SignInAsync(page);
        var staffPages = StaffPages.Concat(slugs.Take(3).Select(s => "/posts/" + s));
        foreach (var url in staffPages)
        {
            fired.AddRange(await VisitAsync(page, url));
        }

        Assert.True(fired.Count == 0, "Script ran: " + string.Join("; ", fired.Take(20)));
        Assert.Empty(dialogs);
        // Inputs such as <img src=x> keep a harmless image that is not there: its 404 is expected.
        // Anything else the console reports (a refused inline script, say) is not.
        var unexpected = problems.Where(p => !p.Contains("status of 404", StringComparison.Ordinal)).ToList();
        Assert.True(unexpected.Count == 0, string.Join("\n", unexpected));
    }

    private static async Task<List<string>> VisitAsync(IPage page, string url)
    {
        var response = await page.GotoAsync(url);
        Assert.True(response!.Status == (int)HttpStatusCode.OK, $"{url} answered {response.Status}");
        var fired = await page.EvaluateAsync<string[]>(Provoke);
        return fired.Select(f => $"{url}: {f}").ToList();
    }

    /// <summary>Posts holding ten inputs each (title, summary, tags, body) with a comment per input
    /// (name and text), stored the way the editor and the comment form store them.</summary>
    private async Task<List<string>> ArrangeAsync()
    {
        await using var scope = blog.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BlogDbContext>();
        var renderer = scope.ServiceProvider.GetRequiredService<MarkdownRenderer>();
        var author = await db.Authors.FirstAsync();
        var slugs = new List<string>();
        var inputs = HostileInputs.All;
        for (var first = 0; first < inputs.Count; first += PerPost)
        {
            var group = inputs.Skip(first).Take(PerPost).ToList();
            var body = string.Join("\n\n", group);
            var post = new Post
            {
                Title = Cut(group[0], 200),
                Slug = $"hostile-browser-{first / PerPost}",
                Summary = Cut(group[^1], 500),
                Body = body,
                BodyHtml = string.Empty,
                Status = PostStatus.Published,
                PublishedAt = DateTime.UtcNow.AddMinutes(-1 - first),
                AuthorId = author.Id,
            };
            post.SetBody(body, renderer);
            foreach (var name in group.Where(g => g.Trim().Length is > 0 and <= 60 && SlugGenerator.Generate(g).Length > 0).DistinctBy(SlugGenerator.Generate).Take(3))
            {
                var slug = SlugGenerator.Generate(name);
                post.Tags.Add(await db.Tags.SingleOrDefaultAsync(t => t.Slug == slug) ?? new Tag { Name = name.Trim(), Slug = slug });
            }

            db.Posts.Add(post);
            await db.SaveChangesAsync();
            slugs.Add(post.Slug);

            var comments = scope.ServiceProvider.GetRequiredService<CommentSubmissionService>();
            foreach (var input in group)
            {
                await comments.SubmitAsync(new CommentSubmission(post.Slug, Cut(input, 80), null, Cut(input, 5_000), null, null, IPAddress.Loopback), CancellationToken.None);
            }
        }

        await db.Comments.ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CommentStatus.Approved));
        await scope.ServiceProvider.GetRequiredService<IPublicContentCache>().PostsChangedAsync(CancellationToken.None);
        return slugs;
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];
}
