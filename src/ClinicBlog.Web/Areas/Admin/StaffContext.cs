using System.Security.Claims;
using ClinicBlog.Core.Authors;
using ClinicBlog.Core.Data;
using ClinicBlog.Core.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ClinicBlog.Web.Areas.Admin;

/// <summary>Turns the signed-in staff member into the <see cref="StaffMember"/> the core and the
/// authorization handlers decide with (read once per request).</summary>
public sealed class StaffContext(BlogDbContext db, UserManager<StaffUser> users)
{
    private StaffMember? _member;

    public async Task<StaffMember> MemberAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (_member is not null)
        {
            return _member;
        }

        var userId = users.GetUserId(user) ?? throw new InvalidOperationException("No staff member is signed in.");
        var profile = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.AuthorId, Name = u.Author == null ? null : u.Author.DisplayName })
            .SingleAsync(cancellationToken);
        var roles = StaffRoles.All.Where(user.IsInRole).ToList();
        return _member = new StaffMember(userId, profile.AuthorId, profile.Name ?? "Clinic staff", roles);
    }
}
