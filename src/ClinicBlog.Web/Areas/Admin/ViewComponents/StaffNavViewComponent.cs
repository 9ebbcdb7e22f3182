using ClinicBlog.Core.Dashboard;
using ClinicBlog.Core.Security;
using ClinicBlog.Web.Models;
using Microsoft.AspNetCore.Mvc;

namespace ClinicBlog.Web.Areas.Admin.ViewComponents;

/// <summary>The staff navigation, grouped by task (Write, Community, Team, Site, Me), showing only what
/// this member may open, the current section marked and the work waiting counted.</summary>
public sealed class StaffNavViewComponent(StaffDashboardQuery dashboard, StaffContext staff) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var who = await staff.MemberAsync(UserClaimsPrincipal, HttpContext.RequestAborted);
        var waiting = await dashboard.WaitingAsync(who, HttpContext.RequestAborted);
        var controller = RouteData.Values["controller"] as string;
        StaffNavItem Item(string label, string controllerName, string area = "Admin", string? alsoFor = null, int count = 0, int urgent = 0) =>
            new(label, Url.Action("Index", controllerName, new { area })!, controller == controllerName || controller == alsoFor, count, urgent);

        var groups = new List<StaffNavGroup>
        {
            new("Start", [Item("Dashboard", "Dashboard")]),
            new("Write", StaffPermissions.ActsOnEverything(who)
                ? [Item("Posts", "Posts", alsoFor: "PostReviews", count: waiting.PostsAwaitingReview), Item("Pages", "Pages"), Item("Menu", "Menu"), Item("Images", "Media")]
                : [Item("Posts", "Posts", alsoFor: "PostReviews", count: waiting.PostsAwaitingReview), Item("Images", "Media")]),
            new("Community", StaffPermissions.ActsOnEverything(who)
                ? [Item("Comments", "Comments", count: waiting.PendingComments, urgent: waiting.UrgentComments), Item("Bans", "Bans")]
                : [Item("Comments", "Comments", count: waiting.PendingComments, urgent: waiting.UrgentComments)]),
        };
        if (who.IsIn(StaffPermissions.SiteAdministration))
        {
            groups.Add(new("Team", [Item("Authors", "Authors"), Item("Staff", "Users")]));
            groups.Add(new("Site", [Item("Settings", "Settings"), Item("Notifications", "Notifications"), Item("Privacy", "Privacy"), Item("Redirects", "Redirects"), Item("Import", "Import"), Item("Audit log", "Audit"), Item("Backup", "Backup")]));
        }

        groups.Add(new("Me", [Item("Account security", "AccountSecurity", area: ""), Item("My notifications", "AccountNotifications", area: "")]));
        return View(new StaffNavViewModel("nav", groups));
    }
}
