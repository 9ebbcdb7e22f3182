using ClinicBlog.Core.Authors;
using ClinicBlog.Core.Content;
using ClinicBlog.Core.Data;
using ClinicBlog.Core.Posts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ClinicBlog.BrowserTests;

/// <summary>The review of an edit to a live article, clicked through as the people involved do it: the
/// author edits, readers keep the reviewed text, a clinician reads the marked-up changes and signs them
/// off, an editor publishes, readers get the new text with the new review line.</summary>
[Trait("Category", "Slow")]
public sealed class MedicalReviewBrowserTests(LiveBlog blog) : IClassFixture<LiveBlog>
{
    private const string Password = "Browser-staff-password-42";

    [Fact]
    public async Task An_edit_is_reviewed_word_by_word_signed_off_and_published()
    {
        await ArrangeAsync();
        var (author, authorProblems) = await blog.NewPageAsync();
        await LiveBlog.SignInAsync(author, "writer@clinic.test", Password);
        await author.GotoAsync("/admin/posts");
        await author.GetByRole(AriaRole.Link, new() { Name = "Infusion schedule" }).ClickAsync();
        var before = await MarkdownEditor.ValueAsync(author);
        await MarkdownEditor.ReplaceTextAsync(author, before.Replace("50 mg", "75 mg", StringComparison.Ordinal));
        await author.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await author.Locator("[data-pending-changes]").WaitForAsync();

        var (reader, readerProblems) = await blog.NewPageAsync(width: 375, height: 812);
        await reader.GotoAsync("/posts/infusion-schedule");
        Assert.Contains("50 mg", await reader.Locator(".post-body").InnerTextAsync(), StringComparison.Ordinal);

        var (reviewer, reviewerProblems) = await blog.NewPageAsync();
        await LiveBlog.SignInAsync(reviewer, "clinician@clinic.test", Password);
        await reviewer.Locator("[data-changes-awaiting-review]").GetByRole(AriaRole.Link, new() { Name = "Infusion schedule" }).ClickAsync();
        await reviewer.WaitForURLAsync("**/admin/posts/*/review");
        var body = reviewer.Locator("[data-diff=body]");
        Assert.Equal("[added: 75]", await body.Locator("ins").First.TextContentAsync());
        Assert.Equal("[removed: 50]", await body.Locator("del").First.TextContentAsync());
        Assert.Equal("75", await body.Locator("ins").First.EvaluateAsync<string>("e => e.childNodes[1].textContent"));
        // Marked without colour alone: underlined and struck through.
        Assert.Contains("underline", await body.Locator("ins").First.EvaluateAsync<string>("e => getComputedStyle(e).textDecorationLine"), StringComparison.Ordinal);
        Assert.Contains("line-through", await body.Locator("del").First.EvaluateAsync<string>("e => getComputedStyle(e).textDecorationLine"), StringComparison.Ordinal);
        var clinical = await reviewer.Locator("[data-clinical] li").AllInnerTextsAsync();
        Assert.Contains(clinical, c => c.Contains("added “75 mg”", StringComparison.Ordinal));
        Assert.Contains(clinical, c => c.Contains("removed “50 mg”", StringComparison.Ordinal));
        await LiveBlog.SaveScreenshotAsync(reviewer, "review-diff.png");
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            await reviewer.EmulateMediaAsync(new() { ColorScheme = scheme });
            var violations = await LiveBlog.AxeViolationsAsync(reviewer);
            Assert.True(violations.Count == 0, $"review page ({scheme}): " + string.Join("\n", violations));
        }

        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Sign off this text" }).ClickAsync();
        await reviewer.Locator("[data-signed-off]").WaitForAsync();

        var (editor, editorProblems) = await blog.NewPageAsync();
        await LiveBlog.SignInAsync(editor);
        await editor.GotoAsync(reviewer.Url);
        await editor.GetByRole(AriaRole.Button, new() { Name = "Publish the changes" }).ClickAsync();
        await editor.WaitForURLAsync("**/edit?done=changes-published");

        await reader.ReloadAsync();
        Assert.Contains("75 mg", await reader.Locator(".post-body").InnerTextAsync(), StringComparison.Ordinal);
        Assert.StartsWith("Medically reviewed by Dr Browser Clinician, MD", (await reader.Locator(".reviewed").InnerTextAsync()).Trim(), StringComparison.Ordinal);
        Assert.True(authorProblems.Count == 0, string.Join("\n", authorProblems));
        Assert.True(readerProblems.Count == 0, string.Join("\n", readerProblems));
        Assert.True(reviewerProblems.Count == 0, string.Join("\n", reviewerProblems));
        Assert.True(editorProblems.Count == 0, string.Join("\n", editorProblems));
    }


    /// <summary>An author and a reviewer with accounts, and the author's live article with a sign-off
    /// recorded for a clinician without an account.</summary>
    private async Task ArrangeAsync()
    {
        await using var scope = blog.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BlogDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var writer = new Author { DisplayName = "Wren Writer", Slug = "wren-writer" };
        var clinician = new Author { DisplayName = "Dr Browser Clinician", Slug = "dr-browser-clinician", Credentials = "MD" };
        var outsider = new Author { DisplayName = "Dr Outside", Slug = "dr-outside", Credentials = "MD, GP" };
        db.Authors.AddRange(writer, clinician, outsider);
        await db.SaveChangesAsync();
        foreach (var (email, author, role) in new[] { ("writer@clinic.test", writer, StaffRoles.Author), ("clinician@clinic.test", clinician, StaffRoles.Reviewer) })
        {
            var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, AuthorId = author.Id };
            Assert.True((await users.CreateAsync(user, Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        }

        var post = new Post
        {
            Title = "Infusion schedule",
            Slug = "infusion-schedule",
            Body = string.Empty,
            BodyHtml = string.Empty,
            Status = PostStatus.Published,
            PublishedAt = DateTime.UtcNow.AddDays(-7),
            AuthorId = writer.Id,
            ReviewerId = outsider.Id,
            ReviewedAt = DateTime.UtcNow.AddDays(-7),
        };
        post.SetBody("## Schedule\n\nA starting dose of 50 mg over 40 minutes.", scope.ServiceProvider.GetRequiredService<MarkdownRenderer>());
        post.ReviewedContentHash = post.Content().Fingerprint();
        db.Posts.Add(post);
        await db.SaveChangesAsync();
    }
}
