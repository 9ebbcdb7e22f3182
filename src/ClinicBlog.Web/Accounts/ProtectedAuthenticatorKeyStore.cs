using System.Security.Cryptography;
using System.Text.RegularExpressions;
using ClinicBlog.Core.Authors;
using ClinicBlog.Core.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ClinicBlog.Web.Accounts;

/// <summary>Identity's store, with each staff member's authenticator key encrypted by Data Protection
/// before it reaches the database: a copy of the database (or a backup of it) alone does not hold the
/// keys; they need the key ring in the data folder's <c>keys/</c> too.</summary>
public partial class ProtectedAuthenticatorKeyStore(
    BlogDbContext context,
    IDataProtectionProvider protection,
    ILogger<ProtectedAuthenticatorKeyStore> logger,
    IdentityErrorDescriber? describer = null)
    : UserStore<StaffUser, IdentityRole, BlogDbContext>(context, describer)
{
    /// <summary>The purpose the keys are protected for.</summary>
    public const string Purpose = "ClinicBlog.AuthenticatorKey.v1";

    /// <summary>Identity's own names for the stored authenticator key.</summary>
    internal const string TokenProvider = "[AspNetUserStore]";
    internal const string TokenName = "AuthenticatorKey";

    private readonly IDataProtector _protector = protection.CreateProtector(Purpose);

    public override Task SetAuthenticatorKeyAsync(StaffUser user, string key, CancellationToken cancellationToken) =>
        base.SetAuthenticatorKeyAsync(user, _protector.Protect(key), cancellationToken);

    public override async Task<string?> GetAuthenticatorKeyAsync(StaffUser user, CancellationToken cancellationToken)
    {
        var stored = await base.GetAuthenticatorKeyAsync(user, cancellationToken);
        if (string.IsNullOrEmpty(stored))
        {
            return stored;
        }

        try
        {
            return _protector.Unprotect(stored);
        }
        catch (CryptographicException e)
        {
            logger.LogError(e, "The authenticator key of staff account {UserId} cannot be read: the Data Protection key ring (the data folder's keys/) that encrypted it is missing or different. Restore keys/ from the same backup, or reset that person's two-factor sign-in", user?.Id);
            return null;
        }
    }

    /// <summary>Encrypts authenticator keys stored in plain text by earlier versions (a base-32 key is
    /// never what Data Protection writes). Runs once per start; after the first, it finds none.</summary>
    public static async Task ProtectPlainKeysAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BlogDbContext>();
        // Almost every start finds none: one plain read (see PlainReads) before a LINQ query that would be compiled for it.
        var anyPlain = false;
        await db.ReadAsync(
            $"SELECT \"Value\" FROM \"AspNetUserTokens\" WHERE \"LoginProvider\" = '{TokenProvider}' AND \"Name\" = '{TokenName}'",
            row => anyPlain |= row[0] is string value && PlainKey().IsMatch(value),
            cancellationToken);
        if (!anyPlain)
        {
            return;
        }

        var protector = scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);
        var tokens = await db.UserTokens.Where(t => t.LoginProvider == TokenProvider && t.Name == TokenName).ToListAsync(cancellationToken);
        var plain = tokens.Where(t => t.Value is not null && PlainKey().IsMatch(t.Value)).ToList();
        foreach (var token in plain)
        {
            token.Value = protector.Protect(token.Value!);
        }

        if (plain.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    [GeneratedRegex("^[A-Z2-7]{16,64}=*$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainKey();
}
