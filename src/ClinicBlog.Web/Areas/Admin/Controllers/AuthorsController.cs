using ClinicBlog.Core;
using ClinicBlog.Core.Authors;
using ClinicBlog.Core.Media;
using ClinicBlog.Core.Security;
using ClinicBlog.Web.Areas.Admin.Models;
using ClinicBlog.Web.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ClinicBlog.Web.Areas.Admin.Controllers;

/// <summary>Author profiles (Admin only), including authors without a login.</summary>
[Route("admin/authors")]
[Authorize(Roles = StaffPermissions.SiteAdministration)]
public sealed class AuthorsController(AuthorAdminService authors, MediaLibrary media, StaffContext staff) : StaffController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await authors.ListAsync(cancellationToken));

    [HttpGet("new")]
    public Task<IActionResult> New(CancellationToken cancellationToken) => FormAsync(null, new AuthorInput(), cancellationToken);

    [HttpPost("new")]
    public Task<IActionResult> New([FromForm] AuthorInput input, CancellationToken cancellationToken) => SaveAsync(null, input, cancellationToken);

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken) =>
        await authors.FindAsync(id, cancellationToken) is { } input ? await FormAsync(id, input, cancellationToken) : NotFound();

    [HttpPost("{id:int}/edit")]
    public Task<IActionResult> Edit(int id, [FromForm] AuthorInput input, CancellationToken cancellationToken) => SaveAsync(id, input, cancellationToken);

    private async Task<IActionResult> SaveAsync(int? id, AuthorInput input, CancellationToken cancellationToken)
    {
        var who = await staff.MemberAsync(User, cancellationToken);
        var result = await authors.SaveAsync(who.UserId, id, input, cancellationToken);
        if (result.Succeeded)
        {
            return RedirectToAction(nameof(Index));
        }

        return this.Refusal(result) ?? await FormAsync(id, input, cancellationToken);
    }

    private async Task<IActionResult> FormAsync(int? id, AuthorInput input, CancellationToken cancellationToken)
    {
        return View("Edit", new AuthorFormViewModel(id, input, await media.RecentAsync(60, cancellationToken)));
    }
}
