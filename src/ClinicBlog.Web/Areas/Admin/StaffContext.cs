using System.Security.Claims;
using ClinicBlog.Core.Authors;
using ClinicBlog.Core.Comments;
using ClinicBlog.Core.Data;
using ClinicBlog.Core.Posts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ClinicBlog.Web.Areas.Admin;

/// <summary>Turns the signed-in staff member into what the core needs to scope their actions.</summary>
public sealed class StaffContext(BlogDbContext db, UserManager<StaffUser> users)
{
    private Moderator? _moderator;

    public async Task<Moderator> ModeratorAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (_moderator is not null)
        {
            return _moderator;
        }

        var userId = users.GetUserId(user) ?? throw new InvalidOperationException("No staff member is signed in.");
        var profile = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.AuthorId, Name = u.Author == null ? null : u.Author.DisplayName, u.Email })
            .SingleAsync(cancellationToken);
        var canModerateAll = IsAdminOrEditor(user);
        return _moderator = new Moderator(userId, canModerateAll, profile.AuthorId, profile.Name ?? "Clinic staff");
    }

    /// <summary>What this staff member may do with posts.</summary>
    public async Task<PostEditor> EditorAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var moderator = await ModeratorAsync(user, cancellationToken);
        var all = IsAdminOrEditor(user);
        return new PostEditor(moderator.UserId, all, all, moderator.AuthorId, user.IsInRole(StaffRoles.Reviewer));
    }

    private static bool IsAdminOrEditor(ClaimsPrincipal user) => user.IsInRole(StaffRoles.Admin) || user.IsInRole(StaffRoles.Editor);
}
