
namespace ClinicBlog.Core.Security;

/// <summary>The signed-in staff member a staff action is done by: who they are, the author profile they
/// write as, and their roles. What the roles allow is decided in <see cref="StaffPermissions"/> only.</summary>
/// <param name="UserId">The staff user's id.</param>
/// <param name="AuthorId">The author profile the member writes (and, as a clinician, reviews) as.</param>
/// <param name="DisplayName">The name staff replies are signed with.</param>
/// <param name="Roles">The member's roles (<see cref="Authors.StaffRoles"/>).</param>
public sealed record StaffMember(string UserId, int? AuthorId, string DisplayName, IReadOnlyCollection<string> Roles)
{
    public bool IsIn(string role) => Roles.Contains(role);
}
