using System.Net;
using System.Text.Json;
using ClinicBlog.Core.Authors;
using ClinicBlog.Core.Posts;
using Microsoft.EntityFrameworkCore;

namespace ClinicBlog.Web.Tests;

/// <summary>The editor's autosave, through the form its script posts: kept per staff member, never part of
/// the post, offered back when newer than the last save, and telling two editors about each other.</summary>
public sealed class AutosaveTests(BlogFactory factory) : IClassFixture<BlogFactory>
{
    [Fact]
    public async Task Typed_text_is_kept_without_touching_the_post_and_offered_back()
    {
        using var admin = await factory.SignedInAdminAsync();
        var id = await NewDraftAsync("Autosaved draft");

        using var saved = await AutosaveAsync(admin, id, "Words typed before the tab closed.");
        var reply = JsonDocument.Parse(await saved.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.StartsWith("Saved · ", reply.GetProperty("saved").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Words typed", await factory.WithDbAsync(db => db.Posts.Where(p => p.Id == id).Select(p => p.Body).SingleAsync()), StringComparison.Ordinal);

        var reopened = await admin.GetDocumentAsync($"/admin/posts/{id}/edit");
        Assert.NotNull(reopened.QuerySelector("[data-autosave-offer]"));
        Assert.DoesNotContain("Words typed", reopened.QuerySelector("#Body")!.TextContent, StringComparison.Ordinal);

        var restored = await admin.GetDocumentAsync(reopened.QuerySelector("[data-autosave-offer] a")!.GetAttribute("href")!);
        Assert.Equal("Words typed before the tab closed.", restored.QuerySelector("#Body")!.TextContent.Trim());
        Assert.Null(restored.QuerySelector("[data-autosave-offer]"));

        await admin.SubmitExpectingSuccessAsync(restored.Form(".editor-form"), null, "button[value=save]");
        Assert.Equal("Words typed before the tab closed.", await factory.WithDbAsync(db => db.Posts.Where(p => p.Id == id).Select(p => p.Body).SingleAsync()));
        Assert.False(await factory.WithDbAsync(db => db.PostAutosaves.AnyAsync(a => a.PostId == id)));
    }

    [Fact]
    public async Task A_new_post_never_saved_is_offered_back_to_its_writer_only_and_saving_it_ends_the_autosave()
    {
        await factory.CreateStaffAsync("new.post.writer@clinic.test", "New-post-writer-pass-1", StaffRoles.Author, "Nell Writer");
        using var writer = await factory.SignedInClientAsync("new.post.writer@clinic.test", "New-post-writer-pass-1");
        var form = (await writer.GetDocumentAsync("/admin/posts/new")).Form(".editor-form");
        form.Action = form.GetAttribute("data-autosave-url")!;

        using var saved = await writer.SubmitAsync(form, new Dictionary<string, string> { ["Title"] = "Hydration after an infusion", ["Body"] = "Drink water through the day." });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.Posts.AnyAsync(p => p.Title == "Hydration after an infusion")));

        using var admin = await factory.SignedInAdminAsync();
        Assert.Null((await admin.GetDocumentAsync("/admin/posts/new")).QuerySelector("[data-autosave-offer]"));

        var reopened = await writer.GetDocumentAsync("/admin/posts/new");
        Assert.Contains("Hydration after an infusion", reopened.QuerySelector("[data-autosave-offer]")!.TextContent, StringComparison.Ordinal);
        var restored = await writer.GetDocumentAsync(reopened.QuerySelector("[data-autosave-offer] a")!.GetAttribute("href")!);
        Assert.Equal("Hydration after an infusion", restored.QuerySelector("#Title")!.GetAttribute("value"));
        Assert.Equal("Drink water through the day.", restored.QuerySelector("#Body")!.TextContent.Trim());

        await writer.SubmitExpectingSuccessAsync(restored.Form(".editor-form"), null, "button[value=save]");
        Assert.True(await factory.WithDbAsync(db => db.Posts.AnyAsync(p => p.Title == "Hydration after an infusion" && p.Body == "Drink water through the day.")));
        Assert.Null((await writer.GetDocumentAsync("/admin/posts/new")).QuerySelector("[data-autosave-offer]"));
    }

    [Fact]
    public async Task An_autosave_can_be_discarded()
    {
        using var admin = await factory.SignedInAdminAsync();
        var id = await NewDraftAsync("Discarded autosave");
        using var _ = await AutosaveAsync(admin, id, "Second thoughts.");

        var page = await admin.GetDocumentAsync($"/admin/posts/{id}/edit");
        await admin.SubmitExpectingSuccessAsync(page.Form("[data-autosave-offer] form"));

        Assert.Null((await admin.GetDocumentAsync($"/admin/posts/{id}/edit")).QuerySelector("[data-autosave-offer]"));
        Assert.False(await factory.WithDbAsync(db => db.PostAutosaves.AnyAsync(a => a.PostId == id)));
    }

    [Fact]
    public async Task Two_people_editing_one_post_are_told_about_each_other()
    {
        await factory.CreateStaffAsync("second.editor@clinic.test", "Second-editor-pass-1", StaffRoles.Editor, "Erin Editor");
        using var admin = await factory.SignedInAdminAsync();
        using var editor = await factory.SignedInClientAsync("second.editor@clinic.test", "Second-editor-pass-1");
        var id = await NewDraftAsync("Shared draft");

        using var first = await AutosaveAsync(editor, id, "Erin's words.");
        using var second = await AutosaveAsync(admin, id, "Admin's words.");

        var others = JsonDocument.Parse(await second.Content.ReadAsStringAsync()).RootElement.GetProperty("others");
        Assert.Equal(["Erin Editor"], others.EnumerateArray().Select(e => e.GetString()));
        var page = await admin.GetDocumentAsync($"/admin/posts/{id}/edit");
        Assert.Contains("Erin Editor", page.QuerySelector("[data-others-editing]")!.TextContent, StringComparison.Ordinal);
        Assert.False(page.QuerySelector("[data-others-editing]")!.HasAttribute("hidden"));
    }

    [Fact]
    public async Task Nobody_autosaves_into_a_post_they_may_not_edit()
    {
        await factory.CreateStaffAsync("autosave.author@clinic.test", "Autosave-author-pass-1", StaffRoles.Author, "Ada Author");
        using var author = await factory.SignedInClientAsync("autosave.author@clinic.test", "Autosave-author-pass-1");
        var othersPost = await NewDraftAsync("Someone else's draft");
        var ownDraft = await factory.AddPostByAsync(
            await factory.WithDbAsync(db => db.Users.Where(u => u.Email == "autosave.author@clinic.test").Select(u => u.AuthorId!.Value).SingleAsync()),
            "Ada's own draft", PostStatus.Draft, null);
        var ownId = await factory.WithDbAsync(db => db.Posts.Where(p => p.Slug == ownDraft).Select(p => p.Id).SingleAsync());
        var form = (await author.GetDocumentAsync($"/admin/posts/{ownId}/edit")).Form(".editor-form");
        form.Action = $"/admin/posts/{othersPost}/autosave";

        using var refused = await author.SubmitAsync(form, new Dictionary<string, string> { ["Body"] = "Sneaky." });

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.PostAutosaves.AnyAsync(a => a.PostId == othersPost)));
    }

    private async Task<int> NewDraftAsync(string title)
    {
        var slug = await factory.AddPostAsync(title, PostStatus.Draft, null);
        return await factory.WithDbAsync(db => db.Posts.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync());
    }

    /// <summary>Posts the editor form to its autosave address, as the editor's script does.</summary>
    private static async Task<HttpResponseMessage> AutosaveAsync(HttpClient client, int id, string body)
    {
        var form = (await client.GetDocumentAsync($"/admin/posts/{id}/edit")).Form(".editor-form");
        form.Action = form.GetAttribute("data-autosave-url")!;
        return await client.SubmitAsync(form, new Dictionary<string, string> { ["Body"] = body });
    }
}
