using ClinicBlog.Core.Paging;
using ClinicBlog.Core.Redirects;
using ClinicBlog.Core.Security;
using ClinicBlog.Web.Areas.Admin.Models;
using ClinicBlog.Web.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ClinicBlog.Web.Areas.Admin.Controllers;

/// <summary>Old links kept working (Admins): redirects from the previous site's addresses, and the old
/// addresses of renamed posts.</summary>
[Route("admin/redirects")]
[Authorize(Roles = StaffPermissions.SiteAdministration)]
public sealed class RedirectsController(RedirectService redirects, StaffContext staff) : StaffController
{
    private const int PageSize = 50;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] string? page, [FromQuery] string? done, CancellationToken cancellationToken)
    {
        if (!PageNumber.TryRead(page, out var number))
        {
            return NotFound();
        }

        return View(new RedirectListViewModel(
            await redirects.ListAsync(number, PageSize, cancellationToken),
            await redirects.PostSlugsAsync(cancellationToken),
            Notices.For(done)));
    }

    [HttpGet("new")]
    public IActionResult New() => View("Edit", new RedirectFormViewModel(null, new RedirectInput()));

    [HttpPost("new")]
    public Task<IActionResult> New([FromForm] RedirectInput input, CancellationToken cancellationToken) => SaveAsync(null, input, cancellationToken);

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken) =>
        await redirects.FindAsync(id, cancellationToken) is { } input ? View(new RedirectFormViewModel(id, input)) : NotFound();

    [HttpPost("{id:int}/edit")]
    public Task<IActionResult> Edit(int id, [FromForm] RedirectInput input, CancellationToken cancellationToken) => SaveAsync(id, input, cancellationToken);

    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken)
    {
        var who = await staff.MemberAsync(User, cancellationToken);
        return this.Answer(await redirects.DeleteAsync(who.UserId, id, cancellationToken), () => RedirectToAction(nameof(Index), new { done = Notices.RedirectDeleted }));
    }

    [HttpPost("old-post-addresses/{id:int}/delete")]
    public async Task<IActionResult> DeletePostSlug(int id, CancellationToken cancellationToken)
    {
        var who = await staff.MemberAsync(User, cancellationToken);
        return this.Answer(await redirects.DeletePostSlugAsync(who.UserId, id, cancellationToken), () => RedirectToAction(nameof(Index), new { done = Notices.RedirectDeleted }));
    }

    private async Task<IActionResult> SaveAsync(int? id, RedirectInput input, CancellationToken cancellationToken)
    {
        var who = await staff.MemberAsync(User, cancellationToken);
        var result = await redirects.SaveAsync(who.UserId, id, input, cancellationToken);
        if (result.Succeeded)
        {
            return RedirectToAction(nameof(Index), new { done = Notices.RedirectSaved });
        }

        return this.Refusal(result) ?? View("Edit", new RedirectFormViewModel(id, input));
    }
}
