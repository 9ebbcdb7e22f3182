namespace ClinicBlog.Core.Authors;

/// <summary>What an account change produced.</summary>
/// <param name="UserId">The account changed or made.</param>
/// <param name="OneTimePassword">A password to hand over, when one was made.</param>
/// <param name="StillLocked">After a password reset: the account stays locked by an Admin until someone unlocks it.</param>
public sealed record StaffAccountChange(string UserId, string? OneTimePassword = null, bool StillLocked = false);
