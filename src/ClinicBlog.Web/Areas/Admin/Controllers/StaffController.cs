using ClinicBlog.Core.Security;
using Microsoft.AspNetCore.Authorization;
using ClinicBlog.Web.Controllers;
using Microsoft.AspNetCore.Mvc;

namespace ClinicBlog.Web.Areas.Admin.Controllers;

/// <summary>The base of every staff page: the Admin area, signed-in staff only, what the account must do
/// first (<see cref="AccountRequirementsFilter"/>), never cached. Controllers narrow the roles further
/// with their own <c>[Authorize]</c>. (The filter is here rather than global: a reader's page would
/// otherwise build Identity's user manager, and a database context, for nothing.)</summary>
[Area("Admin")]
[Authorize(Roles = StaffPermissions.AnyStaff)]
[TypeFilter<AccountRequirementsFilter>]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public abstract class StaffController : Controller;
