using System.Net;
using ClinicBlog.Core.Authors;
using ClinicBlog.Core.Posts;
using Microsoft.EntityFrameworkCore;

namespace ClinicBlog.Web.Tests;

/// <summary>What an article's author can put on the public page: no form controls (a fake "verify
/// your details" form), no classes that dress text up as the site's own review line or crisis notice,
/// and no preview of someone else's post.</summary>
public sealed class ArticleSanitizingTests(ArticleSanitizingTests.Factory factory) : IClassFixture<ArticleSanitizingTests.Factory>
{
    public sealed class Factory : BlogFactory
    {
        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
        {
            ["Blog:Posts:RequireReview"] = "false",
        };
    }

    private const string LookalikeBody = """
        <form action="/posts/what-is-ketamine-iv-treatment/comments" method="post">
        <label for="pw">Verify your details</label>
        <input type="password" id="pw" name="Body"><input type="hidden" name="Name" value="x">
        <select name="s"><option>One</option></select><textarea name="t">typed</textarea>
        <button type="submit" formaction="/account/login">Continue</button>
        </form>

        <p class="reviewed">Medically reviewed by Dr Nobody, MD on January 1, 2020.</p>

        ::: notice-crisis
        Call this number instead: 555-0100.
        :::

        Looks official{.review-stale .byline #comment-form}

        - [x] checked task
        - [ ] open task

        ```csharp
        var dose = 1;
        ```

        A claim.[^1]

        [^1]: A study.
        """;

    [Fact]
    public async Task A_post_cannot_carry_form_controls_or_imitate_the_sites_own_notices()
    {
        using var admin = await factory.SignedInAdminAsync();
        var editor = await admin.GetDocumentAsync("/admin/posts/new");
        using var saved = await admin.SubmitAsync(editor.Form(".editor-form"), new Dictionary<string, string>
        {
            ["Title"] = "Lookalike content",
            ["Body"] = LookalikeBody,
            ["Status"] = "Published",
        }, "button[value=save]");
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        var page = await factory.CreateBrowserlikeClient().GetDocumentAsync("/posts/lookalike-content");
        var body = page.QuerySelector(".post-body")!;

        Assert.Empty(body.QuerySelectorAll("form, input, button, select, option, textarea, label, fieldset"));
        Assert.Empty(page.QuerySelectorAll(".reviewed, .review-stale, .notice-crisis"));
        Assert.Null(body.QuerySelector("#comment-form"));
        var classes = body.QuerySelectorAll("[class]").SelectMany(e => e.ClassList).Distinct().ToList();
        Assert.All(classes, c => Assert.True(
            c.StartsWith("language-", StringComparison.Ordinal) || c is "footnotes" or "footnote-ref" or "footnote-back-ref" or "contains-task-list" or "task-list-item",
            $"class '{c}' is not one Markdown produces"));
        // The words stay; only the controls and the borrowed looks go.
        Assert.Contains("Verify your details", body.TextContent, StringComparison.Ordinal);
        Assert.Contains("Medically reviewed by Dr Nobody", body.TextContent, StringComparison.Ordinal);
        Assert.Contains("Call this number instead", body.TextContent, StringComparison.Ordinal);
        Assert.Equal(["☑ checked task", "☐ open task"], body.QuerySelectorAll("li.task-list-item").Select(li => li.TextContent.Trim()));
        Assert.NotNull(body.QuerySelector("code.language-csharp"));
        Assert.NotNull(body.QuerySelector("a.footnote-ref"));
    }

    [Fact]
    public async Task An_author_cannot_preview_another_authors_post()
    {
        await factory.CreateStaffAsync("first@clinic.test", "First-author-password-42", StaffRoles.Author, "First Author");
        var otherAuthor = await factory.CreateStaffAsync("second@clinic.test", "Second-author-password-42", StaffRoles.Author, "Second Author");
        var slug = await factory.AddPostByAsync(otherAuthor, "Second authors secret draft", PostStatus.Draft, null);
        var id = await factory.WithDbAsync(db => db.Posts.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync());
        using var author = await factory.SignedInClientAsync("first@clinic.test", "First-author-password-42");

        using var get = await author.GetAsync($"/admin/posts/{id}/edit");
        var form = (await author.GetDocumentAsync("/admin/posts/new")).Form(".editor-form");
        form.Action = $"/admin/posts/{id}/edit";
        using var preview = await author.SubmitAsync(form, new Dictionary<string, string> { ["Title"] = "x", ["Body"] = "x" }, "button[value=preview]");

        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, preview.StatusCode);
        Assert.DoesNotContain("Second authors secret draft", await preview.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_finds_and_quotes_only_what_readers_see()
    {
        using var admin = await factory.SignedInAdminAsync();
        var editor = await admin.GetDocumentAsync("/admin/posts/new");
        using var saved = await admin.SubmitAsync(editor.Form(".editor-form"), new Dictionary<string, string>
        {
            ["Title"] = "Hidden words post",
            ["Body"] = "Plainly shown paragraph about quasarbloom.\n\n<!-- internal note: zebrafinch pricing -->\n\n"
                + "<img src=\"/media/none.png\" alt=\"\" onerror=\"nightjarcall()\">\n\n<script>var kestrelword = 1;</script>\n\n"
                + "<span data-note=\"pelicanattr\">shown span</span>",
            ["Status"] = "Published",
        }, "button[value=save]");
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        using var reader = factory.CreateBrowserlikeClient();

        foreach (var removed in new[] { "zebrafinch", "nightjarcall", "kestrelword", "pelicanattr" })
        {
            var results = await reader.GetDocumentAsync("/search?q=" + removed);
            Assert.True(results.QuerySelectorAll(".search-result").Length == 0, $"a search for '{removed}' found the post");
        }

        var found = await reader.GetDocumentAsync("/search?q=quasarbloom");
        var snippet = Assert.Single(found.QuerySelectorAll(".search-result .snippet")).TextContent;
        Assert.Contains("quasarbloom", snippet, StringComparison.Ordinal);
        Assert.Contains("shown span", snippet, StringComparison.Ordinal);
        foreach (var removed in new[] { "zebrafinch", "nightjarcall", "kestrelword", "pelicanattr", "<!--", "<span", "onerror" })
        {
            Assert.DoesNotContain(removed, snippet, StringComparison.Ordinal);
        }
    }
}
