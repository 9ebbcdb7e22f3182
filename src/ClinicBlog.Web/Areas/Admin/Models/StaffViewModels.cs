
namespace ClinicBlog.Web.Areas.Admin.Models;

/// <summary>A one-time password, shown once to the Admin who created or reset the account.</summary>
/// <param name="Email">The account's email.</param>
/// <param name="Password">The one-time password.</param>
/// <param name="StillLocked">The account stays locked by an Admin until someone unlocks it.</param>
public sealed record OneTimePasswordViewModel(string Email, string Password, bool StillLocked);
