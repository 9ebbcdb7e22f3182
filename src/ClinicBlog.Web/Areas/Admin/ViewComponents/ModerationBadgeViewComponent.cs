using ClinicBlog.Core.Comments;
using Microsoft.AspNetCore.Mvc;

namespace ClinicBlog.Web.Areas.Admin.ViewComponents;

/// <summary>The admin navigation's "Comments" link with the number waiting for this moderator.</summary>
public sealed class ModerationBadgeViewComponent(ModerationQueueQuery queue, StaffContext staff) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var who = await staff.MemberAsync(UserClaimsPrincipal, HttpContext.RequestAborted);
        var counts = await queue.CountsAsync(who, HttpContext.RequestAborted);
        var urgent = await queue.UrgentPendingCountAsync(who, HttpContext.RequestAborted);
        return View(new Models.ModerationBadgeViewModel(counts[CommentStatus.Pending], urgent));
    }
}
