using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ClinicBlog.Core.Authors;
using Microsoft.EntityFrameworkCore;

namespace ClinicBlog.Web.Tests;

public sealed class StaffAdminTests(BlogFactory factory) : IClassFixture<BlogFactory>
{
    [Fact]
    public async Task An_admin_adds_an_author_without_a_login_and_a_staff_member_who_can_sign_in()
    {
        using var admin = await factory.SignedInAdminAsync();

        var authorForm = await admin.GetDocumentAsync("/admin/authors/new");
        using var invalid = await admin.SubmitAsync(authorForm.Form("main form"), new Dictionary<string, string> { ["DisplayName"] = "", ["Credentials"] = "MD" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal("MD", (await Html.ParseAsync(invalid)).QuerySelector<IHtmlInputElement>("#Credentials")!.Value);
        using var created = await admin.SubmitAsync(authorForm.Form("main form"), new Dictionary<string, string>
        {
            ["DisplayName"] = "Dr Jane Physician",
            ["Credentials"] = "MD, internal medicine",
            ["Bio"] = "Reviews our medical content.",
        });
        var authors = await Html.ParseAsync(created);
        Assert.Equal("none", authors.QuerySelector("tr[data-author=dr-jane-physician] td:last-child")!.TextContent);
        var profile = await factory.CreateBrowserlikeClient().GetDocumentAsync("/authors/dr-jane-physician");
        Assert.Equal("MD, internal medicine", profile.QuerySelector(".credentials")!.TextContent);

        var userForm = await admin.GetDocumentAsync("/admin/users/new");
        using var account = await admin.SubmitAsync(userForm.Form("main form"), new Dictionary<string, string>
        {
            ["Email"] = "new.editor@clinic.test",
            ["Role"] = StaffRoles.Editor,
            ["AuthorId"] = "",
            ["NewAuthorName"] = "Nia Editor",
        });
        var password = (await Html.ParseAsync(account)).QuerySelector("[data-password]")!.TextContent;
        using var editor = await factory.SignedInWithOneTimePasswordAsync("new.editor@clinic.test", password, "Nia-own-password-2026");
        using var queue = await editor.GetAsync("/admin/comments");
        using var users = await editor.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, users.StatusCode);
        Assert.Contains("staff.created", await factory.WithDbAsync(db => db.AuditEntries.Select(a => a.Action).ToListAsync()));
    }

    [Fact]
    public async Task The_last_admin_can_be_neither_demoted_nor_locked()
    {
        using var admin = await factory.SignedInAdminAsync();
        var adminId = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == BlogFactory.AdminEmail).Select(u => u.Id).SingleAsync());

        var form = await admin.GetDocumentAsync($"/admin/users/{adminId}/edit");
        using var demote = await admin.SubmitAsync(form.Form("main form"), new Dictionary<string, string> { ["Role"] = StaffRoles.Author });
        var page = await Html.ParseAsync(demote);

        Assert.Equal(HttpStatusCode.BadRequest, demote.StatusCode);
        Assert.Equal(StaffAccountService.LastAdminMessage, page.QuerySelector("#Role-error")!.TextContent);
        var list = await admin.GetDocumentAsync("/admin/users");
        using var lockSelf = await admin.SubmitAsync(list.Form($"form[action='/admin/users/{adminId}/lock']"));
        Assert.Equal(HttpStatusCode.BadRequest, lockSelf.StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.UserRoles.AnyAsync(r => r.UserId == adminId)));
        using var stillAdmin = await admin.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.OK, stillAdmin.StatusCode);
    }

    [Fact]
    public async Task Locking_ends_access_and_a_password_reset_does_not_lift_the_lock()
    {
        await factory.CreateStaffAsync("locked.staff@clinic.test", "Locked-staff-password-42", StaffRoles.Author, "Locked Staff");
        using var staff = await factory.SignedInClientAsync("locked.staff@clinic.test", "Locked-staff-password-42");
        using var admin = await factory.SignedInAdminAsync();
        var id = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == "locked.staff@clinic.test").Select(u => u.Id).SingleAsync());

        var list = await admin.GetDocumentAsync("/admin/users");
        using var locked = await admin.SubmitAsync(list.Form($"form[action='/admin/users/{id}/lock']"));
        Assert.Equal("locked", (await Html.ParseAsync(locked)).QuerySelector("tr[data-user='locked.staff@clinic.test'] [data-state]")!.TextContent);

        using var afterLock = await staff.GetAsync("/admin/posts");
        Assert.Equal("/account/login", afterLock.RequestMessage!.RequestUri!.AbsolutePath);

        list = await admin.GetDocumentAsync("/admin/users");
        using var reset = await admin.SubmitAsync(list.Form($"form[action='/admin/users/{id}/reset-password']"));
        var resetPage = await Html.ParseAsync(reset);
        var newPassword = resetPage.QuerySelector("[data-password]")!.TextContent;
        Assert.NotNull(resetPage.QuerySelector("[data-still-locked]"));
        using var stillLocked = factory.CreateBrowserlikeClient();
        var login = await stillLocked.GetDocumentAsync("/account/login");
        using var refused = await stillLocked.SubmitAsync(login.Form("main form"), new Dictionary<string, string>
        {
            ["Email"] = "locked.staff@clinic.test",
            ["Password"] = newPassword,
        });
        Assert.Equal("This account is locked. Ask an administrator to unlock it.", (await Html.ParseAsync(refused)).QuerySelector(".form-errors li")!.TextContent);
        Assert.Equal("locked", (await admin.GetDocumentAsync("/admin/users")).QuerySelector("tr[data-user='locked.staff@clinic.test'] [data-state]")!.TextContent);

        list = await admin.GetDocumentAsync("/admin/users");
        using var unlocked = await admin.SubmitAsync(list.Form($"form[action='/admin/users/{id}/unlock']"));
        using var again = await factory.SignedInWithOneTimePasswordAsync("locked.staff@clinic.test", newPassword, "Locked-staff-own-password-7");
        using var posts = await again.GetAsync("/admin/posts");
        Assert.Equal(HttpStatusCode.OK, posts.StatusCode);
    }

    [Fact]
    public async Task Two_factor_sign_in_works_with_a_code_computed_from_the_key()
    {
        await factory.CreateStaffAsync("twofactor@clinic.test", "Two-factor-password-42", StaffRoles.Author, "Tess Twofactor");
        using var client = await factory.SignedInClientAsync("twofactor@clinic.test", "Two-factor-password-42");

        var setup = await client.GetDocumentAsync("/account/two-factor");
        var key = setup.QuerySelector("[data-shared-key]")!.TextContent;
        Assert.StartsWith("data:image/png;base64,", setup.QuerySelector("img.qr")!.GetAttribute("src"), StringComparison.Ordinal);
        using var wrong = await client.SubmitAsync(setup.Form("main form"), new Dictionary<string, string> { ["Code"] = "000000" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        using var enabled = await client.SubmitAsync(setup.Form("main form"), new Dictionary<string, string> { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal("on", (await Html.ParseAsync(enabled)).QuerySelector("[data-two-factor]")!.GetAttribute("data-two-factor"));

        // A new sign-in now needs the password and then a code.
        using var fresh = factory.CreateBrowserlikeClient();
        var login = await fresh.GetDocumentAsync("/account/login");
        using var first = await fresh.SubmitAsync(login.Form("main form"), new Dictionary<string, string>
        {
            ["Email"] = "twofactor@clinic.test",
            ["Password"] = "Two-factor-password-42",
        });
        Assert.Equal("/account/login-2fa", first.RequestMessage!.RequestUri!.AbsolutePath);
        var codePage = await Html.ParseAsync(first);
        using var badCode = await fresh.SubmitAsync(codePage.Form("main form"), new Dictionary<string, string> { ["Code"] = "123456" });
        Assert.Equal("That code is not right. Enter the current code from your app.", (await Html.ParseAsync(badCode)).QuerySelector("#Code-error")!.TextContent);
        using var admin = await fresh.GetAsync("/admin");
        Assert.Equal("/account/login", admin.RequestMessage!.RequestUri!.AbsolutePath);

        var retry = await fresh.GetDocumentAsync("/account/login");
        using var password = await fresh.SubmitAsync(retry.Form("main form"), new Dictionary<string, string>
        {
            ["Email"] = "twofactor@clinic.test",
            ["Password"] = "Two-factor-password-42",
        });
        using var good = await fresh.SubmitAsync((await Html.ParseAsync(password)).Form("main form"), new Dictionary<string, string> { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal("/admin", good.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task Staff_change_their_own_password()
    {
        await factory.CreateStaffAsync("changer@clinic.test", "Old-password-4-change", StaffRoles.Author, "Chris Changer");
        using var client = await factory.SignedInClientAsync("changer@clinic.test", "Old-password-4-change");
        var page = await client.GetDocumentAsync("/account/security");

        using var wrong = await client.SubmitAsync(page.Form("form[action='/account/password']"), new Dictionary<string, string>
        {
            ["Password.CurrentPassword"] = "Not-the-password-1",
            ["Password.NewPassword"] = "New-password-4-change",
            ["Password.ConfirmPassword"] = "New-password-4-change",
        });
        Assert.Equal("That is not your current password.", (await Html.ParseAsync(wrong)).QuerySelector("#current-error")!.TextContent);
        using var changed = await client.SubmitAsync(page.Form("form[action='/account/password']"), new Dictionary<string, string>
        {
            ["Password.CurrentPassword"] = "Old-password-4-change",
            ["Password.NewPassword"] = "New-password-4-change",
            ["Password.ConfirmPassword"] = "New-password-4-change",
        });

        Assert.Equal("Your password is changed.", (await Html.ParseAsync(changed)).QuerySelector("[role=status]")!.TextContent);
        using var again = await factory.SignedInClientAsync("changer@clinic.test", "New-password-4-change");
    }

    [Theory]
    [InlineData("/admin/users")]
    [InlineData("/admin/users/new")]
    [InlineData("/admin/authors")]
    [InlineData("/admin/audit")]
    [InlineData("/admin/bans")]
    public async Task Admin_only_pages_refuse_an_author(string url)
    {
        if (!await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "plain.author@clinic.test")))
        {
            await factory.CreateStaffAsync("plain.author@clinic.test", "Plain-author-password-42", StaffRoles.Author, "Pat Plain");
        }

        using var author = await factory.SignedInClientAsync("plain.author@clinic.test", "Plain-author-password-42");
        using var response = await author.GetAsync(url);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task The_audit_log_lists_staff_actions_with_who_did_them()
    {
        using var admin = await factory.SignedInAdminAsync();
        var form = await admin.GetDocumentAsync("/admin/authors/new");
        await admin.SubmitExpectingSuccessAsync(form.Form("main form"), new Dictionary<string, string> { ["DisplayName"] = "Audited Author" });

        // This test's own author, not one another test in the class may have created.
        var authorId = await factory.WithDbAsync(db => db.Authors.Where(a => a.DisplayName == "Audited Author").Select(a => a.Id).SingleAsync());
        var log = await admin.GetDocumentAsync("/admin/audit");
        var row = log.QuerySelectorAll("tbody tr").Single(r =>
            r.QuerySelector("[data-action]")!.TextContent == "author.created" && r.Children[3].TextContent == $"Author {authorId}");

        Assert.Contains(BlogFactory.AdminEmail, row.TextContent, StringComparison.Ordinal);
    }
}
