using ClinicBlog.Core.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ClinicBlog.Web.Areas.Admin.Controllers;

/// <summary>The base of every staff page: the Admin area, signed-in staff only, never cached.
/// Controllers narrow the roles further with their own <c>[Authorize]</c>.</summary>
[Area("Admin")]
[Authorize(Roles = StaffPermissions.AnyStaff)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public abstract class StaffController : Controller;
