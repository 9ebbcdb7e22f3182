using System.Net;
using System.Text.Json;
using ClinicBlog.Core.Authors;
using Microsoft.EntityFrameworkCore;

namespace ClinicBlog.Web.Tests;

/// <summary>The site's pages: written at /admin/pages by Admins and Editors (validated, previewed,
/// revised), published at /{slug} with the site's layout, JSON-LD WebPage, the footer's links and the
/// sitemap; never in feeds, the article lists or search.</summary>
public sealed class PagesTests(BlogFactory factory) : IClassFixture<BlogFactory>
{
    [Fact]
    public async Task A_published_page_is_read_at_its_address_linked_from_the_footer_and_listed_in_the_sitemap_only()
    {
        using var reader = factory.CreateBrowserlikeClient();
        // Cached before the page exists: publishing it must evict the footer of every cached page.
        Assert.Null((await reader.GetDocumentAsync("/")).QuerySelector("footer a[href='/locations-and-hours']"));
        using var admin = await factory.SignedInAdminAsync();
        await SaveAsync(admin, "/admin/pages/new", new()
        {
            ["Title"] = "Locations and hours",
            ["Summary"] = "Where to find us and when we are open.",
            ["Body"] = "## Main clinic\n\nMonday to Friday, **8 am to 6 pm**.<script>alert(1)</script>",
            ["Status"] = "Published",
        });

        var page = await reader.GetDocumentAsync("/locations-and-hours");
        Assert.Equal("Locations and hours", page.QuerySelector("main h1")!.TextContent);
        Assert.Equal("8 am to 6 pm", page.QuerySelector(".post-body strong")!.TextContent);
        Assert.Empty(page.QuerySelectorAll("main script"));
        var jsonLd = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement;
        Assert.Equal("WebPage", jsonLd.GetProperty("@type").GetString());
        Assert.Equal("Where to find us and when we are open.", page.QuerySelector("meta[name=description]")!.GetAttribute("content"));

        var home = await reader.GetDocumentAsync("/");
        Assert.NotNull(home.QuerySelector("footer a[href='/locations-and-hours']"));
        Assert.DoesNotContain("Locations and hours", home.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Locations and hours", await reader.GetStringAsync("/feed.xml"), StringComparison.Ordinal);
        Assert.Contains("/locations-and-hours</loc>", await reader.GetStringAsync("/sitemap.xml"), StringComparison.Ordinal);
        Assert.DoesNotContain("Locations and hours", (await reader.GetDocumentAsync("/search?q=clinic")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_draft_is_not_found_and_an_unknown_address_is_the_friendly_404()
    {
        using var admin = await factory.SignedInAdminAsync();
        await SaveAsync(admin, "/admin/pages/new", new() { ["Title"] = "Draft contact", ["Body"] = "Call us.", ["Status"] = "Draft" });

        using var reader = factory.CreateBrowserlikeClient();
        using var draft = await reader.GetAsync("/draft-contact");
        using var unknown = await reader.GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, draft.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("couldn’t find that page", (await Html.ParseAsync(unknown)).QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        using var archive = await reader.GetAsync("/archive");
        Assert.Equal(HttpStatusCode.OK, archive.StatusCode);
    }

    [Theory]
    [InlineData("Admin", "", "Title", "Give the page a title")]
    [InlineData("About", "search", "Slug", "one of the blog's own addresses")]
    [InlineData("About", "admin", "Slug", "one of the blog's own addresses")]
    [InlineData("About", "Not A Slug!", "Slug", "lower-case letters")]
    public async Task Bad_input_is_refused_next_to_its_field_with_the_text_kept(string title, string slug, string field, string message)
    {
        using var admin = await factory.SignedInAdminAsync();
        var form = (await admin.GetDocumentAsync("/admin/pages/new")).Form(".editor-form");
        var fields = new Dictionary<string, string> { ["Title"] = title == "Admin" ? string.Empty : title, ["Slug"] = slug, ["Body"] = "Kept text.", ["Status"] = "Published" };

        using var response = await admin.SubmitAsync(form, fields, "button[value=save]");
        var page = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, page.QuerySelector($"#{field}-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Kept text.", page.QuerySelector("#Body")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_second_page_cannot_take_a_taken_address()
    {
        using var admin = await factory.SignedInAdminAsync();
        await SaveAsync(admin, "/admin/pages/new", new() { ["Title"] = "Contact", ["Body"] = "Call us.", ["Status"] = "Published" });

        using var response = await admin.SubmitAsync((await admin.GetDocumentAsync("/admin/pages/new")).Form(".editor-form"),
            new Dictionary<string, string> { ["Title"] = "Contact", ["Body"] = "Write to us.", ["Status"] = "Published" }, "button[value=save]");

        Assert.Contains("Another page already lives at /contact", (await Html.ParseAsync(response)).QuerySelector("#Slug-error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edits_keep_revisions_and_a_review_shows_only_while_the_text_is_the_one_reviewed()
    {
        var reviewer = await factory.WithDbAsync(async db =>
        {
            var author = new Author { DisplayName = "Dr Page Reviewer", Slug = "dr-page-reviewer", Credentials = "MD" };
            db.Authors.Add(author);
            await db.SaveChangesAsync();
            return author.Id;
        });
        using var admin = await factory.SignedInAdminAsync();
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var id = await SaveAsync(admin, "/admin/pages/new", new()
        {
            ["Title"] = "Before your infusion", ["Body"] = "Eat a light meal.", ["Status"] = "Published",
            ["ReviewerId"] = reviewer.ToString(System.Globalization.CultureInfo.InvariantCulture), ["ReviewedAt"] = today,
        });
        using var reader = factory.CreateBrowserlikeClient();
        Assert.Contains("Reviewed by Dr Page Reviewer", (await reader.GetDocumentAsync("/before-your-infusion")).QuerySelector(".reviewed")!.TextContent, StringComparison.Ordinal);

        await SaveAsync(admin, $"/admin/pages/{id}/edit", new() { ["Body"] = "Eat a light meal and drink water." });

        var changed = await reader.GetDocumentAsync("/before-your-infusion");
        Assert.Null(changed.QuerySelector(".reviewed"));
        Assert.DoesNotContain("reviewedBy", changed.QuerySelector("script[type='application/ld+json']")!.TextContent, StringComparison.Ordinal);
        var editor = await admin.GetDocumentAsync($"/admin/pages/{id}/edit");
        Assert.Contains("the text has changed since", editor.QuerySelector("[data-page-review-state]")!.TextContent, StringComparison.Ordinal);

        await admin.SubmitExpectingSuccessAsync(editor.Form(".revisions form"));
        Assert.Equal("Eat a light meal.", await factory.WithDbAsync(db => db.Pages.Where(p => p.Id == id).Select(p => p.Body).SingleAsync()));
        Assert.NotNull((await reader.GetDocumentAsync("/before-your-infusion")).QuerySelector(".reviewed"));
    }

    [Fact]
    public async Task The_preview_shows_the_page_without_saving_it()
    {
        using var admin = await factory.SignedInAdminAsync();
        using var response = await admin.SubmitAsync((await admin.GetDocumentAsync("/admin/pages/new")).Form(".editor-form"),
            new Dictionary<string, string> { ["Title"] = "Preview only", ["Body"] = "## Parking\n\nFree.", ["Status"] = "Published" }, "button[value=preview]");
        var page = await Html.ParseAsync(response);

        Assert.Equal("Parking", page.QuerySelector(".preview .post-body h2")!.TextContent);
        Assert.False(await factory.WithDbAsync(db => db.Pages.AnyAsync(p => p.Title == "Preview only")));
    }

    [Fact]
    public async Task Authors_cannot_write_pages_and_a_deleted_page_is_gone()
    {
        await factory.CreateStaffAsync("page.author@clinic.test", "Page-author-pass-1", StaffRoles.Author, "Paula Author");
        using var author = await factory.SignedInClientAsync("page.author@clinic.test", "Page-author-pass-1");
        using var refused = await author.GetAsync("/admin/pages/new");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        using var admin = await factory.SignedInAdminAsync();
        var id = await SaveAsync(admin, "/admin/pages/new", new() { ["Title"] = "Temporary notice", ["Body"] = "Closed on Monday.", ["Status"] = "Published" });
        await admin.SubmitExpectingSuccessAsync((await admin.GetDocumentAsync($"/admin/pages/{id}/delete")).Form($"form[action='/admin/pages/{id}/delete']"));

        using var gone = await factory.CreateBrowserlikeClient().GetAsync("/temporary-notice");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "page.deleted")));
    }

    /// <summary>Saves the page form at <paramref name="url"/> with some fields changed; returns the page's id.</summary>
    private static async Task<int> SaveAsync(HttpClient client, string url, Dictionary<string, string> fields)
    {
        var form = (await client.GetDocumentAsync(url)).Form(".editor-form");
        using var response = await client.SubmitAsync(form, fields, "button[value=save]");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var path = response.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.Matches("^/admin/pages/[0-9]+/edit$", path);
        return int.Parse(path.Split('/')[3], System.Globalization.CultureInfo.InvariantCulture);
    }
}
