using ClinicBlog.Core;
using ClinicBlog.Core.Content;
using ClinicBlog.Core.Media;
using ClinicBlog.Core.Pages;
using ClinicBlog.Core.Posts;
using ClinicBlog.Core.Security;
using ClinicBlog.Web.Areas.Admin.Models;
using ClinicBlog.Web.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace ClinicBlog.Web.Areas.Admin.Controllers;

/// <summary>The site's pages (About us, Contact, Locations and hours), written by Admins and Editors with
/// the same editor, preview and revisions as posts.</summary>
[Route("admin/pages")]
[Authorize(Roles = StaffPermissions.SitePages)]
public sealed class PagesController(
    PageService pages,
    MediaLibrary media,
    MarkdownRenderer renderer,
    StaffContext staff,
    IOptions<PostOptions> postOptions) : StaffController
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] string? done, CancellationToken cancellationToken)
    {
        ViewData["Message"] = Notices.For(done);
        return View(await pages.ListAsync(cancellationToken));
    }

    [HttpGet("new")]
    public async Task<IActionResult> New(CancellationToken cancellationToken) =>
        View("Edit", new PageEditorViewModel(null, new PageInput(), await pages.ReviewersAsync(cancellationToken)));

    [HttpPost("new")]
    public Task<IActionResult> New([FromForm] PageInput input, [FromForm] string? intent, CancellationToken cancellationToken) =>
        SaveAsync(null, input, intent, cancellationToken);

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, [FromQuery] string? done, CancellationToken cancellationToken)
    {
        if (await pages.FindAsync(id, cancellationToken) is not { } saved)
        {
            return NotFound();
        }

        return View(new PageEditorViewModel(id, saved.Input, await pages.ReviewersAsync(cancellationToken)) { Saved = saved, Message = Notices.For(done) });
    }

    [HttpPost("{id:int}/edit")]
    public Task<IActionResult> Edit(int id, [FromForm] PageInput input, [FromForm] string? intent, CancellationToken cancellationToken) =>
        SaveAsync(id, input, intent, cancellationToken);

    [HttpPost("{id:int}/revisions/{revisionId:int}/restore")]
    public async Task<IActionResult> Restore(int id, int revisionId, CancellationToken cancellationToken)
    {
        var who = await staff.MemberAsync(User, cancellationToken);
        return this.Answer(await pages.RestoreRevisionAsync(who.UserId, id, revisionId, cancellationToken), () => RedirectToAction(nameof(Edit), new { id, done = Notices.PostRestored }));
    }

    [HttpGet("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken) =>
        await pages.FindAsync(id, cancellationToken) is { } saved ? View(saved) : NotFound();

    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> DeleteConfirmed(int id, CancellationToken cancellationToken)
    {
        var who = await staff.MemberAsync(User, cancellationToken);
        return this.Answer(await pages.DeleteAsync(who.UserId, id, cancellationToken), () => RedirectToAction(nameof(Index), new { done = Notices.PageDeleted }));
    }

    private async Task<IActionResult> SaveAsync(int? id, PageInput input, string? intent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        input.ReviewedAt = input.ReviewedAt is { } reviewed ? DateTime.SpecifyKind(reviewed.Date, DateTimeKind.Utc) : null;
        ModelState.Clear();
        var saved = id is null ? null : await pages.FindAsync(id.Value, cancellationToken);
        if (id is not null && saved is null)
        {
            return NotFound();
        }

        if (intent == "preview")
        {
            var body = input.Body ?? string.Empty;
            var html = renderer.RenderPost(body, await media.ImagesInAsync(body, cancellationToken));
            return View("Edit", new PageEditorViewModel(id, input, await pages.ReviewersAsync(cancellationToken))
            {
                Saved = saved,
                Preview = new LivePreviewViewModel(html, WritingChecks.Of(html, postOptions.Value.TargetReadingGrade)),
            });
        }

        var who = await staff.MemberAsync(User, cancellationToken);
        var result = await pages.SaveAsync(who.UserId, id, input, cancellationToken);
        if (result.Succeeded)
        {
            return RedirectToAction(nameof(Edit), new { id = result.Value, done = Notices.PostSaved });
        }

        return this.Refusal(result) ?? View("Edit", new PageEditorViewModel(id, input, await pages.ReviewersAsync(cancellationToken)) { Saved = saved });
    }
}
