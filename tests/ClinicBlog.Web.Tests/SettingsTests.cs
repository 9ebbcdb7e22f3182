using System.Net;
using ClinicBlog.Core.Authors;
using Microsoft.EntityFrameworkCore;

namespace ClinicBlog.Web.Tests;

/// <summary>/admin/settings: the blog's settings saved by an Admin apply to reader pages at once (cached
/// pages included), are validated next to their fields with the text kept, audited; Admins only.</summary>
public sealed class SettingsTests(BlogFactory factory) : IClassFixture<BlogFactory>
{
    [Fact]
    public async Task Saved_settings_show_on_reader_pages_at_once_and_are_audited()
    {
        using var reader = factory.CreateBrowserlikeClient();
        var before = await reader.GetDocumentAsync("/posts/what-is-ketamine-iv-treatment");
        Assert.Equal("Clinic Blog", before.QuerySelector(".site-title")!.TextContent.Trim());

        using var admin = await factory.SignedInAdminAsync();
        await SaveAsync(admin, new()
        {
            ["Title"] = "Harbour Clinic Blog",
            ["Description"] = "Notes from Harbour Clinic's team.",
            ["MedicalDisclaimer"] = "General information from Harbour Clinic, not medical advice.",
            ["PageSize"] = "3",
        });

        var after = await reader.GetDocumentAsync("/posts/what-is-ketamine-iv-treatment");
        Assert.Equal("Harbour Clinic Blog", after.QuerySelector(".site-title")!.TextContent.Trim());
        Assert.Contains("General information from Harbour Clinic", after.QuerySelector(".disclaimer")!.TextContent, StringComparison.Ordinal);
        Assert.EndsWith("| Harbour Clinic Blog", after.Title, StringComparison.Ordinal);
        Assert.Contains("<title>Harbour Clinic Blog</title>", await reader.GetStringAsync("/feed.xml"), StringComparison.Ordinal);
        var audit = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "settings.changed" && e.Details!.Contains("Title")).Select(e => e.Details).SingleAsync());
        Assert.Contains("Title", audit, StringComparison.Ordinal);
        Assert.Contains("PageSize", audit, StringComparison.Ordinal);
        Assert.Equal("Harbour Clinic Blog", (await admin.GetDocumentAsync("/admin/settings")).QuerySelector("#Title")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_logo_shows_in_the_header_the_structured_data_and_the_feed()
    {
        using var admin = await factory.SignedInAdminAsync();
        using var uploaded = await admin.UploadImageAsync(Images.TinyPng, "harbour-logo.png", "image/png");
        var logo = await factory.WithDbAsync(db => db.MediaFiles.Where(m => m.OriginalName == "harbour-logo.png").Select(m => m.FileName).SingleAsync());

        await SaveAsync(admin, new() { ["Logo"] = logo });

        using var reader = factory.CreateBrowserlikeClient();
        var post = await reader.GetDocumentAsync("/posts/what-is-ketamine-iv-treatment");
        Assert.Equal("/media/" + logo, post.QuerySelector(".site-title img.site-logo")!.GetAttribute("src"));
        Assert.Contains("/media/" + logo, post.QuerySelector("script[type='application/ld+json']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("/media/" + logo + "</url>", await reader.GetStringAsync("/feed.xml"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Title", "", "Give the blog a name")]
    [InlineData("PageSize", "ten", "a whole number from 1 to 100")]
    [InlineData("PageSize", "0", "a whole number from 1 to 100")]
    [InlineData("CommentsMaxLinks", "-1", "a whole number from 0 to 100")]
    [InlineData("CommentsCloseAfterDays", "99999999999", "or empty")]
    [InlineData("MedicalDisclaimer", "   ", "cannot be empty")]
    [InlineData("Logo", "../../etc/passwd", "among the uploaded images")]
    public async Task Bad_values_are_refused_next_to_their_field_with_the_text_kept(string field, string value, string message)
    {
        using var admin = await factory.SignedInAdminAsync();
        var form = (await admin.GetDocumentAsync("/admin/settings")).Form(".settings-form");
        if (field == "Logo")
        {
            form.QuerySelector("#Logo")!.InnerHtml += $"<option value=\"{value}\">sneaky</option>";
        }

        using var response = await admin.SubmitAsync(form, new Dictionary<string, string> { [field] = value, ["Description"] = "Typed and kept." });
        var page = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, page.QuerySelector($"#{field}-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Typed and kept.", page.QuerySelector("#Description")!.TextContent.Trim());
        Assert.False(await factory.WithDbAsync(db => db.SiteSettings.AnyAsync(s => s.Key == "Description" && s.Value == "Typed and kept.")));
    }

    [Fact]
    public async Task Comment_defaults_apply_to_new_comments_at_once()
    {
        using var admin = await factory.SignedInAdminAsync();
        await SaveAsync(admin, new() { ["CommentsMaxLinks"] = "0" });

        using var reader = factory.CreateBrowserlikeClient();
        var page = await reader.GetDocumentAsync("/posts/what-is-ketamine-iv-treatment");
        using var sent = await reader.SubmitAsync(page.Form("#comment-form form"), new Dictionary<string, string>
        {
            ["Name"] = "Lena", ["Email"] = "lena@example.org", ["Body"] = "Useful, see https://example.org for more.",
        });

        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var reason = await factory.WithDbAsync(db => db.Comments.Where(c => c.AuthorName == "Lena").Select(c => c.ModerationReason).SingleAsync());
        Assert.Contains("1 links (more than 0)", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_admins_open_or_change_the_settings()
    {
        await factory.CreateStaffAsync("settings.editor@clinic.test", "Settings-editor-pass-1", StaffRoles.Editor, "Sid Editor");
        using var editor = await factory.SignedInClientAsync("settings.editor@clinic.test", "Settings-editor-pass-1");
        var token = (await editor.GetDocumentAsync("/admin/posts/new")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        using var page = await editor.GetAsync("/admin/settings");
        using var post = await editor.PostAsync("/admin/settings", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Title"] = "Taken over", ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.SiteSettings.AnyAsync(s => s.Value == "Taken over")));
    }

    private static async Task SaveAsync(HttpClient admin, Dictionary<string, string> fields) =>
        await admin.SubmitExpectingSuccessAsync((await admin.GetDocumentAsync("/admin/settings")).Form(".settings-form"), fields);
}

/// <summary>A value configuration forces (<c>Blog:Force:…</c>) wins over the admin's and is shown as such.</summary>
public sealed class ForcedSettingsTests(ForcedSettingsTests.Factory factory) : IClassFixture<ForcedSettingsTests.Factory>
{
    public sealed class Factory : BlogFactory
    {
        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Blog:Force:Title"] = "Network Clinics" };
    }

    [Fact]
    public async Task A_forced_value_is_read_only_and_survives_a_save()
    {
        using var admin = await factory.SignedInAdminAsync();
        var page = await admin.GetDocumentAsync("/admin/settings");
        Assert.True(page.QuerySelector("#Title")!.HasAttribute("readonly"));
        Assert.Contains("Blog:Force:Title", page.QuerySelector("#Title-hint")!.TextContent, StringComparison.Ordinal);

        await admin.SubmitExpectingSuccessAsync(page.Form(".settings-form"), new Dictionary<string, string> { ["Title"] = "Something else", ["Publisher"] = "Network Clinics Ltd" });

        var reader = await factory.CreateBrowserlikeClient().GetDocumentAsync("/");
        Assert.Equal("Network Clinics", reader.QuerySelector(".site-title")!.TextContent.Trim());
        Assert.False(await factory.WithDbAsync(db => db.SiteSettings.AnyAsync(s => s.Key == "Title")));
        Assert.True(await factory.WithDbAsync(db => db.SiteSettings.AnyAsync(s => s.Key == "Publisher" && s.Value == "Network Clinics Ltd")));
    }
}
