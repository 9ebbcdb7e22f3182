namespace ClinicBlog.Core.Authors;

/// <summary>The result of an account change: messages per field, or a one-time password to hand over.</summary>
public sealed record StaffResult(IReadOnlyDictionary<string, string> Errors, string? UserId = null, string? OneTimePassword = null)
{
    public bool Succeeded => Errors.Count == 0;

    /// <summary>After a password reset: the account stays locked by an Admin until someone unlocks it.</summary>
    public bool StillLocked { get; init; }
}
