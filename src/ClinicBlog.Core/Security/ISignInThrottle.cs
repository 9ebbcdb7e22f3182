namespace ClinicBlog.Core.Security;

/// <summary>Failed sign-ins counted per client and email (see <see cref="SignInThrottle"/> for the rules):
/// in memory for one instance, in the shared store when several instances run.</summary>
public interface ISignInThrottle
{
    /// <summary>True while this client must wait before trying this email again.</summary>
    ValueTask<bool> IsHeldBackAsync(string? client, string email, CancellationToken cancellationToken);

    ValueTask RecordFailureAsync(string? client, string email, CancellationToken cancellationToken);

    /// <summary>A successful sign-in starts the count again.</summary>
    ValueTask ResetAsync(string? client, string email, CancellationToken cancellationToken);
}
