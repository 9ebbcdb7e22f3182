using System.Security.Claims;
using ClinicBlog.Core.Security;
using Microsoft.AspNetCore.Authorization;

namespace ClinicBlog.Web.Authorization;

/// <summary>The questions controllers ask <see cref="IAuthorizationService"/> about staff resources.</summary>
public static class StaffAuthorizationExtensions
{
    public static async Task<bool> MayAsync(this IAuthorizationService authorization, ClaimsPrincipal user, PostOperation operation, PostFacts post)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        return (await authorization.AuthorizeAsync(user, post, new PostRequirement(operation))).Succeeded;
    }

    public static async Task<bool> MayAsync(this IAuthorizationService authorization, ClaimsPrincipal user, CommentOperation operation, CommentFacts comment)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        return (await authorization.AuthorizeAsync(user, comment, new CommentRequirement(operation))).Succeeded;
    }

    public static async Task<bool> MayAsync(this IAuthorizationService authorization, ClaimsPrincipal user, StaffAccountOperation operation, StaffAccountFacts account)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        return (await authorization.AuthorizeAsync(user, account, new StaffAccountRequirement(operation))).Succeeded;
    }
}
