using System.Net;
using AngleSharp.Html.Dom;
using ClinicBlog.Core.Authors;
using Microsoft.EntityFrameworkCore;

namespace ClinicBlog.Web.Tests;

/// <summary>/admin/menu: the header menu and footer links chosen, ordered and removed by Admins and
/// Editors; readers see them at once; with none chosen, the blog's own links.</summary>
public sealed class MenuTests(BlogFactory factory) : IClassFixture<BlogFactory>
{
    [Fact]
    public async Task Chosen_links_replace_the_default_header_in_their_order_and_removing_them_brings_it_back()
    {
        using var reader = factory.CreateBrowserlikeClient();
        Assert.Equal(["Articles", "Archive"], HeaderLabels(await reader.GetDocumentAsync("/")));
        using var admin = await factory.SignedInAdminAsync();
        await PublishPageAsync(admin, "About us");

        await AddAsync(admin, new() { ["Location"] = "Header", ["Target"] = "/" });
        await AddAsync(admin, new() { ["Location"] = "Header", ["Target"] = "/about-us" });
        await AddAsync(admin, new() { ["Location"] = "Header", ["Target"] = "other", ["OtherUrl"] = "https://booking.clinic.example/", ["Label"] = "Book a visit" });
        Assert.Equal(["Articles", "About us", "Book a visit"], HeaderLabels(await reader.GetDocumentAsync("/")));

        var menu = await admin.GetDocumentAsync("/admin/menu");
        await admin.SubmitExpectingSuccessAsync((IHtmlFormElement)menu.QuerySelectorAll("[data-menu=Header] li")[2].QuerySelector("form")!);
        Assert.Equal(["Articles", "Book a visit", "About us"], HeaderLabels(await reader.GetDocumentAsync("/about-us")));
        Assert.Equal("page", (await reader.GetDocumentAsync("/about-us")).QuerySelector("header nav a[href='/about-us']")!.GetAttribute("aria-current"));

        foreach (var _ in Enumerable.Range(0, 3))
        {
            var page = await admin.GetDocumentAsync("/admin/menu");
            await admin.SubmitExpectingSuccessAsync((IHtmlFormElement)page.QuerySelector("[data-menu=Header] li form[action$='/remove']")!);
        }

        Assert.Equal(["Articles", "Archive"], HeaderLabels(await reader.GetDocumentAsync("/")));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "menu.changed")) >= 7);
    }

    [Fact]
    public async Task Footer_links_replace_the_list_of_pages()
    {
        using var admin = await factory.SignedInAdminAsync();
        await PublishPageAsync(admin, "Nondiscrimination notice");
        using var reader = factory.CreateBrowserlikeClient();
        Assert.NotNull((await reader.GetDocumentAsync("/")).QuerySelector("footer a[href='/nondiscrimination-notice']"));

        await AddAsync(admin, new() { ["Location"] = "Footer", ["Target"] = "/archive", ["Label"] = "Every article" });

        var footer = (await reader.GetDocumentAsync("/")).QuerySelector("footer .site-pages")!;
        Assert.Equal(["Every article"], footer.QuerySelectorAll("a").Select(a => a.TextContent));
    }

    [Theory]
    [InlineData("", "", "", "Target", "Choose what the link leads to")]
    [InlineData("other", "javascript:alert(1)", "Bad", "OtherUrl", "a path on this blog")]
    [InlineData("other", "https://clinic.example", "", "Label", "Give the link a label")]
    [InlineData("/no-such-choice", "", "", "Target", "no longer available")]
    public async Task Bad_links_are_refused_next_to_their_field_with_the_text_kept(string target, string otherUrl, string label, string field, string message)
    {
        using var admin = await factory.SignedInAdminAsync();
        var before = await factory.WithDbAsync(db => db.MenuItems.CountAsync());
        var form = (await admin.GetDocumentAsync("/admin/menu")).Form("form.form-page");
        if (target == "/no-such-choice")
        {
            form.QuerySelector("#Target")!.InnerHtml += "<option value=\"/no-such-choice\">Gone</option>";
        }

        using var response = await admin.SubmitAsync(form, new Dictionary<string, string> { ["Location"] = "Header", ["Target"] = target, ["OtherUrl"] = otherUrl, ["Label"] = label });
        var page = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, page.QuerySelector($"#{field}-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(otherUrl, page.QuerySelector("#OtherUrl")!.GetAttribute("value") ?? string.Empty);
        Assert.Equal(before, await factory.WithDbAsync(db => db.MenuItems.CountAsync()));
    }

    [Fact]
    public async Task Authors_cannot_change_the_menu()
    {
        await factory.CreateStaffAsync("menu.author@clinic.test", "Menu-author-pass-1", StaffRoles.Author, "Milo Author");
        using var author = await factory.SignedInClientAsync("menu.author@clinic.test", "Menu-author-pass-1");
        var token = (await author.GetDocumentAsync("/admin/posts/new")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        using var page = await author.GetAsync("/admin/menu");
        using var post = await author.PostAsync("/admin/menu", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Location"] = "Header", ["Target"] = "other", ["OtherUrl"] = "https://evil.example", ["Label"] = "Win a prize",
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.MenuItems.AnyAsync(m => m.Label == "Win a prize")));
    }

    private static List<string> HeaderLabels(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll("header nav .site-nav a").Select(a => a.TextContent.Trim()).ToList();

    private static async Task AddAsync(HttpClient admin, Dictionary<string, string> fields) =>
        await admin.SubmitExpectingSuccessAsync((await admin.GetDocumentAsync("/admin/menu")).Form("form.form-page"), fields);

    private static async Task PublishPageAsync(HttpClient admin, string title) =>
        await admin.SubmitExpectingSuccessAsync((await admin.GetDocumentAsync("/admin/pages/new")).Form(".editor-form"),
            new Dictionary<string, string> { ["Title"] = title, ["Body"] = "Text of " + title + ".", ["Status"] = "Published" }, "button[value=save]");
}
