using ClinicBlog.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClinicBlog.Core.Authors;

/// <summary>Makes sure the staff roles exist and, on a first start with no staff account at all,
/// creates the first administrator so someone can sign in. Identity's managers are built only when there is
/// something to do (almost never): the check every start makes needs only the database and the normalizer.</summary>
public sealed class StaffBootstrapper(
    BlogDbContext db,
    ILookupNormalizer normalizer,
    IServiceProvider services,
    IOptions<BlogOptions> options,
    ILogger<StaffBootstrapper> logger)
{
    public async Task EnsureAsync(CancellationToken cancellationToken = default)
    {
        // Checked on every start, almost always complete: one plain read (see PlainReads) before Identity's queries.
        // Role names as RoleManager stores them (its NormalizeKey is this normalizer's NormalizeName).
        var names = string.Join(", ", StaffRoles.All.Select(role => "'" + normalizer.NormalizeName(role) + "'"));
        var state = await db.CountsAsync($"""
            SELECT (SELECT COUNT(*) FROM "AspNetRoles" WHERE "NormalizedName" IN ({names})),
                   (SELECT COUNT(*) FROM (SELECT 1 FROM "AspNetUsers" LIMIT 1) AS u)
            """, cancellationToken);
        if (state[0] == StaffRoles.All.Count && state[1] > 0)
        {
            return;
        }

        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in StaffRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                ThrowOnFailure(await roles.CreateAsync(new IdentityRole(role)), $"create the role {role}");
            }
        }

        if (await db.Users.AnyAsync(cancellationToken))
        {
            return;
        }

        var settings = options.Value.Admin;
        var email = string.IsNullOrWhiteSpace(settings.Email) ? AdminAccountOptions.DefaultEmail : settings.Email.Trim();
        var generated = string.IsNullOrEmpty(settings.Password);
        var password = generated ? StaffAccountService.GeneratePassword() : settings.Password!;

        var admin = new StaffUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            Author = await FindOrCreateAdminAuthorAsync(cancellationToken),
            // A password that went through the log is changed at the first sign-in.
            MustChangePassword = generated,
        };
        var users = services.GetRequiredService<UserManager<StaffUser>>();
        var created = await users.CreateAsync(admin, password);
        if (!created.Succeeded)
        {
            // Bad configuration stops the app at boot with a message that says what to fix.
            throw new InvalidOperationException(
                "Could not create the first admin from Blog:Admin:Email and Blog:Admin:Password: " +
                string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        ThrowOnFailure(await users.AddToRoleAsync(admin, StaffRoles.Admin), "give the first admin the Admin role");

        if (generated)
        {
            // The one deliberate secret in the log: without it nobody could sign in to a fresh install.
            // It is written once, on the start that creates the account, and should be changed after sign-in.
            logger.LogWarning(
                "Created the first admin account. Sign in at /account/login as {AdminEmail} with the generated password {AdminPassword} " +
                "(shown only this once; set Blog:Admin:Email and Blog:Admin:Password to choose your own)",
                email, password);
        }
        else
        {
            logger.LogInformation("Created the first admin account from the Blog:Admin settings");
        }
    }

    private async Task<Author> FindOrCreateAdminAuthorAsync(CancellationToken cancellationToken)
    {
        // The seeded editorial byline is the clinic's own; the first admin writes as it.
        return await db.Authors.FirstOrDefaultAsync(a => a.Slug == "editorial-team", cancellationToken)
            ?? new Author { DisplayName = "Clinic Editorial Team", Slug = "editorial-team" };
    }

    private static void ThrowOnFailure(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not {what}: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
