using System.Net;
using ClinicBlog.Core.Authors;
using ClinicBlog.Core.Data;
using ClinicBlog.Web.Accounts;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClinicBlog.Web.Tests;

/// <summary>Two-factor sign-in that a borrowed session or a copied database cannot undo or copy.</summary>
public sealed class AccountSecurityTests(BlogFactory factory) : IClassFixture<BlogFactory>
{
    [Fact]
    public async Task The_authenticator_key_is_shown_only_during_setup_and_is_stored_encrypted()
    {
        const string email = "keyholder@clinic.test";
        await factory.CreateStaffAsync(email, "Key-holder-password-42", StaffRoles.Author, "Kim Keyholder");
        using var client = await factory.SignedInClientAsync(email, "Key-holder-password-42");
        var key = await TurnOnTwoFactorAsync(client);

        using var setupAgain = await client.GetAsync("/account/two-factor");
        var page = await Html.ParseAsync(setupAgain);
        var stored = await factory.WithDbAsync(db => db.UserTokens
            .Where(t => t.Name == "AuthenticatorKey" && db.Users.Any(u => u.Id == t.UserId && u.Email == email))
            .Select(t => t.Value).SingleAsync());

        Assert.Equal("/account/security", setupAgain.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Null(page.QuerySelector("[data-shared-key]"));
        Assert.DoesNotContain(key.Replace(" ", string.Empty, StringComparison.Ordinal), page.Source.Text, StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(stored);
        Assert.DoesNotContain(key.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant(), stored!.ToUpperInvariant(), StringComparison.Ordinal);
        Assert.DoesNotMatch("^[A-Z2-7]+=*$", stored);
    }

    [Fact]
    public async Task Turning_two_factor_off_needs_the_current_password_and_a_current_code()
    {
        const string email = "turnoff@clinic.test";
        const string password = "Turn-off-password-42";
        await factory.CreateStaffAsync(email, password, StaffRoles.Author, "Tom Turnoff");
        using var client = await factory.SignedInClientAsync(email, password);
        var key = await TurnOnTwoFactorAsync(client);

        var security = await client.GetDocumentAsync("/account/security");
        using var empty = await client.SubmitAsync(security.Form("form[action='/account/two-factor/disable']"));
        var emptyPage = await Html.ParseAsync(empty);
        using var wrongCode = await client.SubmitAsync(security.Form("form[action='/account/two-factor/disable']"), new Dictionary<string, string>
        {
            ["Off.CurrentPassword"] = password,
            ["Off.Code"] = "000000",
        });
        using var wrongPassword = await client.SubmitAsync(security.Form("form[action='/account/two-factor/disable']"), new Dictionary<string, string>
        {
            ["Off.CurrentPassword"] = "Not-my-password-1",
            ["Off.Code"] = Totp.Code(key, DateTimeOffset.UtcNow),
        });
        Assert.True(await IsOnAsync(email));
        using var off = await client.SubmitAsync(security.Form("form[action='/account/two-factor/disable']"), new Dictionary<string, string>
        {
            ["Off.CurrentPassword"] = password,
            ["Off.Code"] = Totp.Code(key, DateTimeOffset.UtcNow),
        });

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal("Enter your current password.", emptyPage.QuerySelector("#Off-password-error")!.TextContent);
        Assert.Equal(HttpStatusCode.BadRequest, wrongCode.StatusCode);
        Assert.Equal("That code did not match. Enter the code your app shows now.", (await Html.ParseAsync(wrongCode)).QuerySelector("#Off-code-error")!.TextContent);
        Assert.Equal(HttpStatusCode.BadRequest, wrongPassword.StatusCode);
        Assert.Equal("That is not your current password.", (await Html.ParseAsync(wrongPassword)).QuerySelector("#Off-password-error")!.TextContent);
        Assert.Equal("off", (await Html.ParseAsync(off)).QuerySelector("[data-two-factor]")!.GetAttribute("data-two-factor"));
        Assert.False(await IsOnAsync(email));
    }

    [Fact]
    public async Task A_new_key_needs_the_current_password_and_a_current_code_and_the_old_key_stops_working()
    {
        const string email = "newphone@clinic.test";
        const string password = "New-phone-password-42";
        await factory.CreateStaffAsync(email, password, StaffRoles.Author, "Nat Newphone");
        using var client = await factory.SignedInClientAsync(email, password);
        var oldKey = await TurnOnTwoFactorAsync(client);

        var security = await client.GetDocumentAsync("/account/security");
        using var refused = await client.SubmitAsync(security.Form("form[action='/account/two-factor/reset']"), new Dictionary<string, string>
        {
            ["Reset.CurrentPassword"] = password,
            ["Reset.Code"] = "111111",
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True(await IsOnAsync(email));
        using var reset = await client.SubmitAsync(security.Form("form[action='/account/two-factor/reset']"), new Dictionary<string, string>
        {
            ["Reset.CurrentPassword"] = password,
            ["Reset.Code"] = Totp.Code(oldKey, DateTimeOffset.UtcNow),
        });
        var setup = await Html.ParseAsync(reset);
        var newKey = setup.QuerySelector("[data-shared-key]")!.TextContent;
        using var withOldCode = await client.SubmitAsync(setup.Form("main form"), new Dictionary<string, string> { ["Code"] = Totp.Code(oldKey, DateTimeOffset.UtcNow) });
        using var withNewCode = await client.SubmitAsync(setup.Form("main form"), new Dictionary<string, string> { ["Code"] = Totp.Code(newKey, DateTimeOffset.UtcNow) });

        Assert.Equal("/account/two-factor", reset.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.NotEqual(oldKey, newKey);
        Assert.Equal(HttpStatusCode.BadRequest, withOldCode.StatusCode);
        Assert.Equal("on", (await Html.ParseAsync(withNewCode)).QuerySelector("[data-two-factor]")!.GetAttribute("data-two-factor"));
        Assert.Contains("account.two-factor-key-reset", await factory.WithDbAsync(db => db.AuditEntries.Select(a => a.Action).ToListAsync()));
    }

    [Fact]
    public async Task A_key_stored_in_plain_text_by_an_earlier_version_is_encrypted_at_the_next_start()
    {
        const string email = "legacy.key@clinic.test";
        await factory.CreateStaffAsync(email, "Legacy-key-password-42", StaffRoles.Author, "Lee Legacy");
        var userId = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        await factory.WithDbAsync(async db =>
        {
            db.UserTokens.Add(new IdentityUserToken<string> { UserId = userId, LoginProvider = "[AspNetUserStore]", Name = "AuthenticatorKey", Value = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP" });
            await db.SaveChangesAsync();
        });

        await ProtectedAuthenticatorKeyStore.ProtectPlainKeysAsync(factory.Services, CancellationToken.None);

        var stored = await factory.WithDbAsync(db => db.UserTokens.Where(t => t.UserId == userId && t.Name == "AuthenticatorKey").Select(t => t.Value).SingleAsync());
        Assert.NotEqual("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", stored);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        Assert.Equal("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", await users.GetAuthenticatorKeyAsync((await users.FindByIdAsync(userId))!));
    }

    [Fact]
    public async Task An_admin_resets_a_lost_two_factor_sign_in_and_the_old_key_is_gone()
    {
        const string email = "lostphone@clinic.test";
        const string password = "Lost-phone-password-42";
        await factory.CreateStaffAsync(email, password, StaffRoles.Author, "Lou Lostphone");
        using var client = await factory.SignedInClientAsync(email, password);
        await TurnOnTwoFactorAsync(client);
        using var admin = await factory.SignedInAdminAsync();
        var userId = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

        var list = await admin.GetDocumentAsync("/admin/users");
        using var reset = await admin.SubmitAsync(list.Form($"form[action='/admin/users/{userId}/reset-two-factor']"));
        using var again = await factory.SignedInClientAsync(email, password);

        Assert.StartsWith("Two-factor sign-in is off", (await Html.ParseAsync(reset)).QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.False(await IsOnAsync(email));
        Assert.Contains("staff.two-factor-reset", await factory.WithDbAsync(db => db.AuditEntries.Select(a => a.Action).ToListAsync()));
        using var oldSession = await client.GetAsync("/admin/posts");
        Assert.Equal("/account/login", oldSession.RequestMessage!.RequestUri!.AbsolutePath);
    }

    private static async Task<string> TurnOnTwoFactorAsync(HttpClient client)
    {
        var setup = await client.GetDocumentAsync("/account/two-factor");
        var key = setup.QuerySelector("[data-shared-key]")!.TextContent;
        using var enabled = await client.SubmitAsync(setup.Form("main form"), new Dictionary<string, string> { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal("on", (await Html.ParseAsync(enabled)).QuerySelector("[data-two-factor]")!.GetAttribute("data-two-factor"));
        return key;
    }

    private Task<bool> IsOnAsync(string email) =>
        factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.TwoFactorEnabled).SingleAsync());
}

/// <summary>The last-Admin rule holds when two Admins demote each other at the same moment: the store
/// makes both requests read the Admin list together, as an unlucky race would.</summary>
[Trait("Category", "Slow")]
public sealed class LastAdminRaceTests(LastAdminRaceTests.Factory factory) : IClassFixture<LastAdminRaceTests.Factory>
{
    public sealed class Factory : BlogFactory
    {
        /// <summary>Both requests meet here after reading who the Admins are (or give up after a moment,
        /// when only one can get this far because the other waits for the database).</summary>
        public Barrier Meeting { get; } = new(2);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton(Meeting);
                services.AddScoped<IUserStore<StaffUser>, MeetingStore>();
            });
        }
    }

    private sealed class MeetingStore(BlogDbContext context, IDataProtectionProvider protection, ILogger<ProtectedAuthenticatorKeyStore> logger, Barrier meeting)
        : ProtectedAuthenticatorKeyStore(context, protection, logger)
    {
        public override async Task<IList<StaffUser>> GetUsersInRoleAsync(string normalizedRoleName, CancellationToken cancellationToken = default)
        {
            var users = await base.GetUsersInRoleAsync(normalizedRoleName, cancellationToken);
            if (normalizedRoleName == "ADMIN")
            {
                await Task.Run(() => meeting.SignalAndWait(TimeSpan.FromSeconds(3)), cancellationToken);
            }

            return users;
        }
    }

    [Fact]
    public async Task Two_admins_demoting_each_other_at_once_leave_one_admin()
    {
        await factory.CreateStaffAsync("second.admin@clinic.test", "Second-admin-password-42", StaffRoles.Admin, "Second Admin");
        using var first = await factory.SignedInAdminAsync();
        using var second = await factory.SignedInClientAsync("second.admin@clinic.test", "Second-admin-password-42");
        var firstId = await UserIdAsync(BlogFactory.AdminEmail);
        var secondId = await UserIdAsync("second.admin@clinic.test");
        var firstForm = (await first.GetDocumentAsync($"/admin/users/{secondId}/edit")).Form("main form");
        var secondForm = (await second.GetDocumentAsync($"/admin/users/{firstId}/edit")).Form("main form");

        var results = await Task.WhenAll(
            Task.Run(() => first.SubmitAsync(firstForm, new Dictionary<string, string> { ["Role"] = StaffRoles.Editor })),
            Task.Run(() => second.SubmitAsync(secondForm, new Dictionary<string, string> { ["Role"] = StaffRoles.Editor })));

        var admins = await factory.WithDbAsync(db => db.UserRoles.CountAsync(ur => db.Roles.Any(r => r.Id == ur.RoleId && r.Name == StaffRoles.Admin)));
        Assert.Equal(1, admins);
        Assert.Single(results, r => r.StatusCode == HttpStatusCode.OK);
        foreach (var result in results)
        {
            result.Dispose();
        }
    }

    private Task<string> UserIdAsync(string email) =>
        factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
}
