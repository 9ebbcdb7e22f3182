using ClinicBlog.Core.Security;
using ClinicBlog.Web.Areas.Admin;
using Microsoft.AspNetCore.Authorization;

namespace ClinicBlog.Web.Authorization;

/// <summary>Answers resource-based authorization for posts, comments and staff accounts from the one
/// role table, <see cref="StaffPermissions"/>. Scoped: it reads the signed-in member once per request.</summary>
public sealed class StaffResourceHandler(StaffContext staff) : IAuthorizationHandler
{
    public async Task HandleAsync(AuthorizationHandlerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return;
        }

        StaffMember? member = null;
        foreach (var requirement in context.PendingRequirements.ToList())
        {
            member ??= await staff.MemberAsync(context.User, CancellationToken.None);
            var allowed = (requirement, context.Resource) switch
            {
                (PostRequirement r, PostFacts post) => StaffPermissions.Allows(member, r.Operation, post),
                (CommentRequirement r, CommentFacts comment) => StaffPermissions.Allows(member, r.Operation, comment),
                (StaffAccountRequirement r, StaffAccountFacts account) => StaffPermissions.Allows(member, r.Operation, account),
                _ => (bool?)null,
            };
            if (allowed == true)
            {
                context.Succeed(requirement);
            }
        }
    }
}
