using System.Globalization;
using System.Security.Cryptography;
using ClinicBlog.Core.Audit;
using ClinicBlog.Core.Data;
using ClinicBlog.Core.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ClinicBlog.Core.Authors;

/// <summary>Admins manage staff accounts. The blog always keeps at least one unlocked Admin.</summary>
public sealed class StaffAccountService(BlogDbContext db, UserManager<StaffUser> users, IAuditLog audit, TimeProvider clock)
{
    public const string LastAdminMessage = "This is the last Admin: make someone else an Admin first.";

    public async Task<List<StaffListItem>> ListAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var rows = await db.Users.AsNoTracking().OrderBy(u => u.Email)
            .Select(u => new
            {
                u.Id,
                u.Email,
                Author = u.Author == null ? null : u.Author.DisplayName,
                u.LockoutEnd,
                u.TwoFactorEnabled,
                Role = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new StaffListItem(r.Id, r.Email ?? string.Empty, r.Role ?? "—", r.Author, r.LockoutEnd > now, r.TwoFactorEnabled)).ToList();
    }

    /// <summary>Creates an account with a generated one-time password the Admin hands over.</summary>
    public async Task<Result<StaffAccountChange>> CreateAsync(string adminId, StaffInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var email = (input.Email ?? string.Empty).Trim();
        var errors = await ValidateAsync(input, cancellationToken);
        if (!new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(email) || email.Length is 0 or > 254)
        {
            errors[nameof(StaffInput.Email)] = "Enter the person’s email address.";
        }
        else if (await users.FindByEmailAsync(email) is not null)
        {
            errors[nameof(StaffInput.Email)] = "A staff account with that email already exists.";
        }

        if (errors.Count > 0)
        {
            return Result.Invalid(errors).As<StaffAccountChange>();
        }

        var password = GeneratePassword();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = new StaffUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            AuthorId = await AuthorIdAsync(input, cancellationToken),
            MustChangePassword = true,
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return Result.Invalid(string.Empty, string.Join(" ", created.Errors.Select(e => e.Description))).As<StaffAccountChange>();
        }

        await users.AddToRoleAsync(user, input.Role!);
        await RecordAsync(AuditAction.StaffCreated, adminId, user.Id, input.Role, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result.Of(new StaffAccountChange(user.Id, password));
    }

    /// <summary>Changes a staff member's role and author profile.</summary>
    public async Task<Result<StaffAccountChange>> UpdateAsync(string adminId, string userId, StaffInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return Result.NotFound.As<StaffAccountChange>();
        }

        // One write transaction from the check to the change: two Admins demoting each other at the same
        // moment are taken one after the other, and the second finds the first already done.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var errors = await ValidateAsync(input, cancellationToken);
        var roles = await users.GetRolesAsync(user);
        if (roles.Contains(StaffRoles.Admin) && input.Role != StaffRoles.Admin && await IsLastAdminAsync(user))
        {
            errors[nameof(StaffInput.Role)] = LastAdminMessage;
        }

        if (errors.Count > 0)
        {
            return Result.Invalid(errors).As<StaffAccountChange>();
        }

        await users.RemoveFromRolesAsync(user, roles);
        await users.AddToRoleAsync(user, input.Role!);
        user.AuthorId = await AuthorIdAsync(input, cancellationToken);
        await users.UpdateAsync(user);
        // A role change takes effect at once: the old cookie stops working.
        await users.UpdateSecurityStampAsync(user);
        await RecordAsync(AuditAction.StaffUpdated, adminId, user.Id, input.Role, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result.Of(new StaffAccountChange(user.Id));
    }

    /// <summary>Sets a new one-time password and returns it once; it must be changed at the next sign-in.
    /// An account an Admin locked stays locked (unlocking is its own, audited step); a lockout from
    /// wrong two-factor codes is lifted.</summary>
    public async Task<Result<StaffAccountChange>> ResetPasswordAsync(string adminId, string userId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return Result.NotFound.As<StaffAccountChange>();
        }

        var password = GeneratePassword();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var reset = await users.ResetPasswordAsync(user, token, password);
        if (!reset.Succeeded)
        {
            return Result.Invalid(string.Empty, string.Join(" ", reset.Errors.Select(e => e.Description))).As<StaffAccountChange>();
        }

        if (!IsLockedByAdmin(user))
        {
            await users.SetLockoutEndDateAsync(user, null);
        }

        await users.ResetAccessFailedCountAsync(user);
        user.MustChangePassword = true;
        await users.UpdateAsync(user);
        await RecordAsync(AuditAction.StaffPasswordReset, adminId, user.Id, null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result.Of(new StaffAccountChange(user.Id, password, IsLockedByAdmin(user)));
    }

    /// <summary>Turns off another staff member's two-factor sign-in and throws away its key (a lost phone,
    /// or keys lost with the data folder's key ring); their sessions end.</summary>
    public async Task<Result<StaffAccountChange>> ResetTwoFactorAsync(string adminId, string userId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return Result.NotFound.As<StaffAccountChange>();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.UpdateSecurityStampAsync(user);
        await RecordAsync(AuditAction.StaffTwoFactorReset, adminId, user.Id, null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result.Of(new StaffAccountChange(user.Id));
    }

    /// <summary>Locks (indefinitely) or unlocks an account. The last Admin cannot be locked, nor can you lock yourself.</summary>
    public async Task<Result<StaffAccountChange>> SetLockedAsync(StaffMember admin, string userId, bool locked, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return Result.NotFound.As<StaffAccountChange>();
        }

        // As for a role change: the last-Admin check and the lock in one write transaction.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (locked && !StaffPermissions.Allows(admin, StaffAccountOperation.Lock, new StaffAccountFacts(userId)))
        {
            return Result.Invalid(string.Empty, "You cannot lock your own account.").As<StaffAccountChange>();
        }

        if (locked && await users.IsInRoleAsync(user, StaffRoles.Admin) && await IsLastAdminAsync(user))
        {
            return Result.Invalid(string.Empty, LastAdminMessage).As<StaffAccountChange>();
        }

        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null);
        if (locked)
        {
            await users.UpdateSecurityStampAsync(user);
        }

        await RecordAsync(locked ? AuditAction.StaffLocked : AuditAction.StaffUnlocked, admin.UserId, user.Id, null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result.Of(new StaffAccountChange(user.Id));
    }

    public async Task<(StaffInput Input, string Email)?> FindAsync(string userId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return null;
        }

        var role = (await users.GetRolesAsync(user)).FirstOrDefault();
        return (new StaffInput { Email = user.Email, Role = role, AuthorId = user.AuthorId }, user.Email ?? string.Empty);
    }

    /// <summary>An Admin's lock has no end; Identity's own lockout (wrong two-factor codes) lasts minutes.</summary>
    private bool IsLockedByAdmin(StaffUser user) => user.LockoutEnd > clock.GetUtcNow().AddDays(1);

    /// <summary>Called inside the change's transaction. It first writes the Admin role's row (a change to
    /// nothing), which takes that row's lock on PostgreSQL and the write lock on SQLite: two such checks
    /// run one after the other, and the second sees what the first committed. (Reading alone would let two
    /// Admins on PostgreSQL each see the other still there and demote each other.)</summary>
    private async Task<bool> IsLastAdminAsync(StaffUser user)
    {
        await db.Roles.Where(r => r.Name == StaffRoles.Admin)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ConcurrencyStamp, r => r.ConcurrencyStamp));
        var now = clock.GetUtcNow();
        var admins = await users.GetUsersInRoleAsync(StaffRoles.Admin);
        return !admins.Any(a => a.Id != user.Id && !(a.LockoutEnd > now));
    }

    private async Task<Dictionary<string, string>> ValidateAsync(StaffInput input, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        if (input.Role is null || !StaffRoles.All.Contains(input.Role))
        {
            errors[nameof(StaffInput.Role)] = "Choose a role.";
        }

        if (input.AuthorId is { } authorId)
        {
            if (!await db.Authors.AnyAsync(a => a.Id == authorId, cancellationToken))
            {
                errors[nameof(StaffInput.AuthorId)] = "Choose an existing author profile.";
            }
        }
        else if (string.IsNullOrWhiteSpace(input.NewAuthorName) || input.NewAuthorName.Trim().Length > 100)
        {
            errors[nameof(StaffInput.NewAuthorName)] = "Choose an author profile, or give a display name for a new one.";
        }

        return errors;
    }

    private async Task<int> AuthorIdAsync(StaffInput input, CancellationToken cancellationToken)
    {
        if (input.AuthorId is { } id)
        {
            return id;
        }

        var name = input.NewAuthorName!.Trim();
        var baseSlug = Content.SlugGenerator.Generate(name) is { Length: > 0 } s ? s : "author";
        var slug = baseSlug;
        for (var n = 2; await db.Authors.AnyAsync(a => a.Slug == slug, cancellationToken); n++)
        {
            slug = $"{baseSlug}-{n.ToString(CultureInfo.InvariantCulture)}";
        }

        var author = new Author { DisplayName = name, Slug = slug };
        db.Authors.Add(author);
        await db.SaveChangesAsync(cancellationToken);
        return author.Id;
    }

    /// <summary>Identity's user manager saves each of its steps itself, so the audit entry is saved
    /// after them inside the caller's transaction: the account change and its record commit together.</summary>
    private async Task RecordAsync(AuditAction action, string adminId, string userId, string? details, CancellationToken cancellationToken)
    {
        audit.Record(action, adminId, userId, details);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A strong one-time password that meets the Identity rules.</summary>
    public static string GeneratePassword()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        return RandomNumberGenerator.GetString(alphabet, 20) + "-Aa7";
    }
}
