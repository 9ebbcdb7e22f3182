using System.Net;
using ClinicBlog.Core.Authors;
using ClinicBlog.Core.Posts;
using Microsoft.EntityFrameworkCore;

namespace ClinicBlog.Web.Tests;

/// <summary>/admin/redirects: old links of the clinic's previous site kept working, added and changed
/// through the form (messages next to the field, text kept), removed, audited; Admins only; and renamed
/// posts' old addresses listed beside them.</summary>
public sealed class RedirectsTests(BlogFactory factory) : IClassFixture<BlogFactory>
{
    [Fact]
    public async Task An_old_address_added_by_an_admin_answers_301_with_its_new_one()
    {
        using var admin = await factory.SignedInAdminAsync();
        var form = (await admin.GetDocumentAsync("/admin/redirects/new")).Form("form.form");

        await admin.SubmitExpectingSuccessAsync(form, new Dictionary<string, string>
        {
            ["From"] = "https://old-clinic.example/About-Us/",
            ["To"] = "/posts/what-is-ketamine-iv-treatment",
        });

        using var reader = factory.CreateBrowserlikeClient(followRedirects: false);
        foreach (var old in new[] { "/about-us", "/About-Us/", "/about-us/?utm_source=newsletter" })
        {
            using var response = await reader.GetAsync(old);
            Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
            Assert.Equal("/posts/what-is-ketamine-iv-treatment", response.Headers.Location!.OriginalString);
        }

        using var post = await reader.PostAsync("/about-us", new StringContent(string.Empty));
        Assert.NotEqual(HttpStatusCode.MovedPermanently, post.StatusCode);
        var list = await admin.GetDocumentAsync("/admin/redirects");
        Assert.Contains("/about-us", list.QuerySelector("[data-redirects]")!.TextContent, StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "redirect.created")));
    }

    [Fact]
    public async Task A_wordpress_style_query_address_redirects_while_the_home_page_stays_itself()
    {
        using var admin = await factory.SignedInAdminAsync();
        await admin.SubmitExpectingSuccessAsync((await admin.GetDocumentAsync("/admin/redirects/new")).Form("form.form"), new Dictionary<string, string>
        {
            ["From"] = "/?p=123",
            ["To"] = "https://clinic.example/locations",
        });

        using var reader = factory.CreateBrowserlikeClient(followRedirects: false);
        using var old = await reader.GetAsync("/?p=123");
        using var home = await reader.GetAsync("/");

        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal("https://clinic.example/locations", old.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    [Theory]
    [InlineData("", "/posts/x", "From", "Enter the old address")]
    [InlineData("//evil.example/x", "/posts/x", "From", "starts with one /")]
    [InlineData("/admin/posts", "/posts/x", "From", "one of the blog's own pages")]
    [InlineData("/", "/posts/x", "From", "one of the blog's own pages")]
    [InlineData("/old page", "/posts/x", "From", "no spaces")]
    [InlineData("/old", "javascript:alert(1)", "To", "a path on this blog")]
    [InlineData("/old", "//evil.example", "To", "a path on this blog")]
    [InlineData("/old", "/OLD/", "To", "would loop")]
    public async Task Bad_addresses_are_refused_next_to_their_field_with_the_text_kept(string from, string to, string field, string message)
    {
        using var admin = await factory.SignedInAdminAsync();
        var before = await factory.WithDbAsync(db => db.Redirects.CountAsync());

        using var response = await admin.SubmitAsync((await admin.GetDocumentAsync("/admin/redirects/new")).Form("form.form"), new Dictionary<string, string> { ["From"] = from, ["To"] = to });
        var page = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, page.QuerySelector($"#{field}-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", page.QuerySelector($"#{field}")!.GetAttribute("aria-invalid"));
        Assert.Equal(from, page.QuerySelector("#From")!.GetAttribute("value") ?? string.Empty);
        Assert.Equal(to, page.QuerySelector("#To")!.GetAttribute("value") ?? string.Empty);
        Assert.Equal(before, await factory.WithDbAsync(db => db.Redirects.CountAsync()));
    }

    [Fact]
    public async Task A_second_redirect_from_the_same_address_is_refused_and_a_changed_or_removed_one_takes_effect_at_once()
    {
        using var admin = await factory.SignedInAdminAsync();
        await admin.SubmitExpectingSuccessAsync((await admin.GetDocumentAsync("/admin/redirects/new")).Form("form.form"), new Dictionary<string, string> { ["From"] = "/contact/", ["To"] = "/archive" });
        using var duplicate = await admin.SubmitAsync((await admin.GetDocumentAsync("/admin/redirects/new")).Form("form.form"), new Dictionary<string, string> { ["From"] = "/Contact", ["To"] = "/search" });
        Assert.Contains("already a redirect", (await Html.ParseAsync(duplicate)).QuerySelector("#From-error")!.TextContent, StringComparison.Ordinal);

        using var reader = factory.CreateBrowserlikeClient(followRedirects: false);
        var id = await factory.WithDbAsync(db => db.Redirects.Where(r => r.FromPath == "/contact").Select(r => r.Id).SingleAsync());
        await admin.SubmitExpectingSuccessAsync((await admin.GetDocumentAsync($"/admin/redirects/{id}/edit")).Form("form.form"), new Dictionary<string, string> { ["To"] = "/search" });
        using (var changed = await reader.GetAsync("/contact"))
        {
            Assert.Equal("/search", changed.Headers.Location!.OriginalString);
        }

        var list = await admin.GetDocumentAsync("/admin/redirects");
        await admin.SubmitExpectingSuccessAsync(list.Form($"form[action='/admin/redirects/{id}/delete']"));
        using var gone = await reader.GetAsync("/contact");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Renamed_posts_old_addresses_are_listed_and_can_be_removed()
    {
        var slug = await factory.AddPostAsync("Renamed article", PostStatus.Published, DateTime.UtcNow.AddDays(-2));
        await factory.WithDbAsync(async db =>
        {
            var post = await db.Posts.SingleAsync(p => p.Slug == slug);
            db.PostSlugRedirects.Add(new PostSlugRedirect { OldSlug = "renamed-article-old", PostId = post.Id, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
            return 0;
        });
        using var admin = await factory.SignedInAdminAsync();
        using var reader = factory.CreateBrowserlikeClient(followRedirects: false);
        using (var before = await reader.GetAsync("/posts/renamed-article-old"))
        {
            Assert.Equal(HttpStatusCode.MovedPermanently, before.StatusCode);
        }

        var list = await admin.GetDocumentAsync("/admin/redirects");
        var row = list.QuerySelectorAll("[data-post-slug-redirects] tr").Single(r => r.TextContent.Contains("/posts/renamed-article-old", StringComparison.Ordinal));
        Assert.Contains("Renamed article", row.TextContent, StringComparison.Ordinal);
        await admin.SubmitExpectingSuccessAsync((AngleSharp.Html.Dom.IHtmlFormElement)row.QuerySelector("form")!);

        using var after = await reader.GetAsync("/posts/renamed-article-old");
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
    }

    [Fact]
    public async Task Only_admins_open_or_change_redirects()
    {
        await factory.CreateStaffAsync("redirect.editor@clinic.test", "Redirect-editor-pass-1", StaffRoles.Editor, "Eddie Editor");
        using var editor = await factory.SignedInClientAsync("redirect.editor@clinic.test", "Redirect-editor-pass-1");
        // The editor's own antiforgery token (from a page an editor may open), so only the role can refuse it.
        var token = (await editor.GetDocumentAsync("/admin/posts/new")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        using var page = await editor.GetAsync("/admin/redirects");
        using var post = await editor.PostAsync("/admin/redirects/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["From"] = "/sneaky",
            ["To"] = "https://evil.example",
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.Redirects.AnyAsync(r => r.FromPath == "/sneaky")));
    }
}
