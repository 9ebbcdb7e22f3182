using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using ClinicBlog.Core.Posts;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace ClinicBlog.Web.Tests;

/// <summary>What the editor's script calls, through the addresses the edit page gives it: the live
/// preview (the public page's renderer and sanitizer, staff only, antiforgery), image uploads from the
/// editor (the media page's checks) and the library it picks from; and uploads' smaller copies, which
/// reader pages offer with srcset.</summary>
public sealed class EditorTests(EditorTests.Factory factory) : IClassFixture<EditorTests.Factory>
{
    /// <summary>Publishing without a clinician's sign-off, so a test can publish in one save (the review flow has its own tests).</summary>
    public sealed class Factory : BlogFactory
    {
        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Blog:Posts:RequireReview"] = "false" };
    }

    [Fact]
    public async Task The_edit_page_loads_the_editor_script_and_keeps_the_textarea_for_no_javascript()
    {
        using var admin = await factory.SignedInAdminAsync();
        var page = await admin.GetDocumentAsync("/admin/posts/new");

        Assert.NotNull(page.QuerySelector("textarea#Body[data-markdown-editor]"));
        Assert.Contains(page.QuerySelectorAll("script[src]"), s => s.GetAttribute("src")!.StartsWith("/js/editor.", StringComparison.Ordinal));
        Assert.NotNull(page.QuerySelector("button[name=intent][value=preview]"));
        using var script = await admin.GetAsync(page.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!).First(s => s.StartsWith("/js/editor.", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        using var licences = await admin.GetAsync("/js/editor.licenses.txt");
        Assert.Contains("@codemirror/view", await licences.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_live_preview_renders_and_sanitizes_like_the_public_page_and_flags_images_without_alt_text()
    {
        using var admin = await factory.SignedInAdminAsync();

        using var response = await LivePreviewAsync(admin, "## Aftercare\n\nRest **today**.[^1]<script>alert(1)</script><img src=x onerror=alert(2)>\n\n![](/media/missing.png)\n\n[^1]: Discharge advice, 2025.");
        var html = await response.Content.ReadAsStringAsync();
        var fragment = new HtmlParser().ParseDocument("<body>" + html);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Aftercare", fragment.QuerySelector(".post-body h2")!.TextContent);
        Assert.Equal("today", fragment.QuerySelector(".post-body strong")!.TextContent);
        Assert.Empty(fragment.QuerySelectorAll("script"));
        Assert.DoesNotContain("onerror", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("2", fragment.QuerySelector("[data-images-without-alt]")!.GetAttribute("data-images-without-alt"));
        Assert.NotNull(fragment.QuerySelector("[data-readability]"));
        // Shown beside the full preview on one page: its ids (and links to them) are its own.
        Assert.NotNull(fragment.QuerySelector("#live-references"));
        Assert.All(fragment.QuerySelectorAll("[id]"), e => Assert.StartsWith("live-", e.Id, StringComparison.Ordinal));
        Assert.All(fragment.QuerySelectorAll("a[href^='#']"), a => Assert.StartsWith("#live-", a.GetAttribute("href"), StringComparison.Ordinal));
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_live_preview_refuses_strangers_requests_without_a_token_and_text_over_the_limit()
    {
        using var anonymous = factory.CreateClient(new() { AllowAutoRedirect = false });
        using var stranger = await anonymous.PostAsync("/admin/posts/live-preview", new FormUrlEncodedContent(new Dictionary<string, string> { ["Body"] = "Hi" }));
        Assert.NotEqual(HttpStatusCode.OK, stranger.StatusCode);
        Assert.DoesNotContain("Hi", await stranger.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var admin = await factory.SignedInAdminAsync();
        using var tokenless = await admin.PostAsync("/admin/posts/live-preview", new FormUrlEncodedContent(new Dictionary<string, string> { ["Body"] = "Hi" }));
        Assert.Equal(HttpStatusCode.BadRequest, tokenless.StatusCode);

        using var tooLong = await LivePreviewAsync(admin, new string('a', Post.BodyMaxLength + 1));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLong.StatusCode);
    }

    [Fact]
    public async Task An_image_from_the_editor_gets_smaller_upright_copies_that_the_public_page_offers_with_srcset()
    {
        using var admin = await factory.SignedInAdminAsync();
        // A phone photo stored sideways: 1200×800 pixels with EXIF orientation 6, shown 800×1200.
        var photo = Images.WithOrientation(Photo(1200, 800), 6);

        using var uploaded = await EditorUploadAsync(admin, photo, "infusion-room.jpg", "image/jpeg");
        var answer = JsonDocument.Parse(await uploaded.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        var url = answer.GetProperty("url").GetString()!;
        Assert.Equal(800, answer.GetProperty("width").GetInt32());
        Assert.Equal(1200, answer.GetProperty("height").GetInt32());

        var stem = url[..^4];
        using (var copy = await admin.GetAsync(stem + "-480w.jpg"))
        {
            Assert.Equal("image/jpeg", copy.Content.Headers.ContentType!.MediaType);
            using var bitmap = SKBitmap.Decode(await copy.Content.ReadAsByteArrayAsync());
            Assert.Equal((480, 720), (bitmap.Width, bitmap.Height));
            // Upright: the photo's top (red) is at the top of the copy.
            Assert.True(bitmap.GetPixel(240, 20).Red > 200, $"the copy's top is {bitmap.GetPixel(240, 20)}");
        }

        using (var tooWide = await admin.GetAsync(stem + "-1600w.jpg"))
        {
            Assert.Equal(HttpStatusCode.NotFound, tooWide.StatusCode);
        }

        var library = JsonDocument.Parse(await admin.GetStringAsync("/admin/media/library")).RootElement;
        Assert.Contains(library.EnumerateArray(), i => i.GetProperty("url").GetString() == url && i.GetProperty("thumbnail").GetString() == stem + "-480w.jpg");

        var slug = await factory.AddPostAsync("Our infusion room", PostStatus.Draft, null);
        var id = await factory.WithDbAsync(db => db.Posts.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync());
        var form = (await admin.GetDocumentAsync($"/admin/posts/{id}/edit")).Form(".editor-form");
        await admin.SubmitExpectingSuccessAsync(form, new Dictionary<string, string>
        {
            ["Body"] = $"Our room.\n\n![Reclining chairs beside a window]({url})\n\n![Nurse at an IV pole]({url})",
            ["Status"] = nameof(PostStatus.Published),
        }, "button[value=save]");

        var images = (await admin.GetDocumentAsync("/posts/" + slug)).QuerySelectorAll(".post-body img");
        Assert.Equal(2, images.Length);
        Assert.Equal($"{stem}-480w.jpg 480w, {url} 800w", images[0].GetAttribute("srcset"));
        Assert.Equal("(min-width: 44.5rem) 42rem, calc(100vw - 2.5rem)", images[0].GetAttribute("sizes"));
        Assert.Equal(("800", "1200"), (images[0].GetAttribute("width"), images[0].GetAttribute("height")));
        Assert.Null(images[0].GetAttribute("loading"));
        Assert.Equal("lazy", images[1].GetAttribute("loading"));
    }

    [Fact]
    public async Task A_file_that_is_not_an_image_is_refused_with_a_message_for_the_editor()
    {
        using var admin = await factory.SignedInAdminAsync();
        var before = await factory.WithDbAsync(db => db.MediaFiles.CountAsync());

        using var refused = await EditorUploadAsync(admin, "<svg onload=alert(1)>"u8.ToArray(), "photo.jpg", "image/jpeg");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("not a JPEG, PNG, WebP or GIF", JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await factory.WithDbAsync(db => db.MediaFiles.CountAsync()));
    }

    [Fact]
    public async Task The_preview_button_flags_images_without_alt_text_before_publishing()
    {
        using var admin = await factory.SignedInAdminAsync();
        var form = (await admin.GetDocumentAsync("/admin/posts/new")).Form(".editor-form");

        using var response = await admin.SubmitAsync(form, new Dictionary<string, string> { ["Title"] = "Pictures", ["Body"] = "![](/media/a.png)\n\n![Described](/media/b.png)" }, "button[value=preview]");
        var page = await Html.ParseAsync(response);

        Assert.Equal("1", page.QuerySelector("[data-images-without-alt]")!.GetAttribute("data-images-without-alt"));
        Assert.Contains("/media/a.png", page.QuerySelector("[data-images-without-alt]")!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>Posts text to the live-preview address the edit page gives its script, with the page's token.</summary>
    private static async Task<HttpResponseMessage> LivePreviewAsync(HttpClient client, string body)
    {
        var form = (await client.GetDocumentAsync("/admin/posts/new")).Form(".editor-form");
        form.Action = form.GetAttribute("data-preview-url")!;
        return await client.SubmitAsync(form, new Dictionary<string, string> { ["Body"] = body });
    }

    /// <summary>Uploads a file to the address the edit page gives its script, as the image dialog does.</summary>
    private static async Task<HttpResponseMessage> EditorUploadAsync(HttpClient client, byte[] bytes, string name, string type)
    {
        var form = (await client.GetDocumentAsync("/admin/posts/new")).Form(".editor-form");
        var token = ((AngleSharp.Html.Dom.IHtmlInputElement)form.QuerySelector("input[name=__RequestVerificationToken]")!).Value;
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(type);
        content.Add(file, "file", name);
        content.Add(new StringContent(token), "__RequestVerificationToken");
        return await client.PostAsync(form.GetAttribute("data-media-upload-url"), content);
    }

    /// <summary>A JPEG as stored by a sideways camera: the left third red (the scene's top, once turned), the rest blue.</summary>
    private static byte[] Photo(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Blue);
            using var red = new SKPaint { Color = SKColors.Red };
            canvas.DrawRect(0, 0, width / 3f, height, red);
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }
}
