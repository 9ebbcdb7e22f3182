using ClinicBlog.Core.Security;
using Microsoft.AspNetCore.Authorization;

namespace ClinicBlog.Web.Authorization;

/// <summary>An operation on a post, asked of <see cref="IAuthorizationService"/> with a <see cref="PostFacts"/>.</summary>
public sealed record PostRequirement(PostOperation Operation) : IAuthorizationRequirement;

/// <summary>An operation on a comment, asked with a <see cref="CommentFacts"/>.</summary>
public sealed record CommentRequirement(CommentOperation Operation) : IAuthorizationRequirement;

/// <summary>An operation on a staff account, asked with a <see cref="StaffAccountFacts"/>.</summary>
public sealed record StaffAccountRequirement(StaffAccountOperation Operation) : IAuthorizationRequirement;
