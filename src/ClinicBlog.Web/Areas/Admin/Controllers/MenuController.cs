using ClinicBlog.Core.Pages;
using ClinicBlog.Core.Security;
using ClinicBlog.Web.Areas.Admin.Models;
using ClinicBlog.Web.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ClinicBlog.Web.Areas.Admin.Controllers;

/// <summary>The header menu and footer links (Admins and Editors).</summary>
[Route("admin/menu")]
[Authorize(Roles = StaffPermissions.SitePages)]
public sealed class MenuController(MenuService menu, StaffContext staff) : StaffController
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] string? done, CancellationToken cancellationToken) =>
        View(await PageAsync(new MenuInput(), Notices.For(done), cancellationToken));

    [HttpPost("")]
    public async Task<IActionResult> Add([FromForm] MenuInput input, CancellationToken cancellationToken)
    {
        var who = await staff.MemberAsync(User, cancellationToken);
        var result = await menu.AddAsync(who.UserId, input, cancellationToken);
        if (result.Succeeded)
        {
            return RedirectToAction(nameof(Index), new { done = Notices.MenuChanged });
        }

        return this.Refusal(result) ?? View(nameof(Index), await PageAsync(input, null, cancellationToken));
    }

    [HttpPost("{id:int}/up")]
    public Task<IActionResult> Up(int id, CancellationToken cancellationToken) => MoveAsync(id, up: true, cancellationToken);

    [HttpPost("{id:int}/down")]
    public Task<IActionResult> Down(int id, CancellationToken cancellationToken) => MoveAsync(id, up: false, cancellationToken);

    [HttpPost("{id:int}/remove")]
    public async Task<IActionResult> Remove(int id, CancellationToken cancellationToken)
    {
        var who = await staff.MemberAsync(User, cancellationToken);
        return this.Answer(await menu.RemoveAsync(who.UserId, id, cancellationToken), () => RedirectToAction(nameof(Index), new { done = Notices.MenuChanged }));
    }

    private async Task<IActionResult> MoveAsync(int id, bool up, CancellationToken cancellationToken)
    {
        var who = await staff.MemberAsync(User, cancellationToken);
        return this.Answer(await menu.MoveAsync(who.UserId, id, up, cancellationToken), () => RedirectToAction(nameof(Index), new { done = Notices.MenuChanged }));
    }

    private async Task<MenuEditorViewModel> PageAsync(MenuInput input, string? message, CancellationToken cancellationToken) =>
        new(input,
            await menu.LinksAsync(MenuLocation.Header, cancellationToken),
            await menu.LinksAsync(MenuLocation.Footer, cancellationToken),
            await menu.ChoicesAsync(cancellationToken))
        {
            Message = message,
        };
}
