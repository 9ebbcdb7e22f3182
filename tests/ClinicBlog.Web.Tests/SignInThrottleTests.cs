using System.Net;
using ClinicBlog.Core.Authors;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ClinicBlog.Web.Tests;

/// <summary>Failed sign-ins hold back the guessing client for that email, never the account: the owner
/// signs in from elsewhere, and a real and an unknown email get the same answers for the same work.</summary>
public sealed class SignInThrottleTests(SignInThrottleTests.Factory factory) : IClassFixture<SignInThrottleTests.Factory>
{
    public sealed class Factory : BlogFactory
    {
        public override FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

        public SignInEnumerationTests.CountingHasher Hasher { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IPasswordHasher<StaffUser>>(Hasher));
        }
    }

    private const string Wrong = "That email and password do not match a staff account.";
    private const string HeldBack = "Too many failed sign-ins with this email from your network. Wait 15 minutes, then try again.";

    [Fact]
    public async Task Six_wrong_passwords_get_the_same_answers_and_work_for_a_real_and_an_unknown_email()
    {
        await factory.CreateStaffAsync("real.owner@clinic.test", "Owner-password-1234", StaffRoles.Author, "Real Owner");

        var real = await SixWrongAsync("real.owner@clinic.test", from: "198.51.100.31");
        var unknown = await SixWrongAsync("nobody.here@clinic.test", from: "198.51.100.31");

        Assert.Equal(real, unknown);
        Assert.Equal(
            [(HttpStatusCode.OK, Wrong, 1), (HttpStatusCode.OK, Wrong, 1), (HttpStatusCode.OK, Wrong, 1), (HttpStatusCode.OK, Wrong, 1), (HttpStatusCode.OK, Wrong, 1), (HttpStatusCode.TooManyRequests, HeldBack, 0)],
            real);
    }

    [Fact]
    public async Task A_stranger_guessing_never_keeps_the_owner_out()
    {
        const string email = "busy.owner@clinic.test";
        const string password = "Owner-password-5678";
        await factory.CreateStaffAsync(email, password, StaffRoles.Author, "Busy Owner");
        await SixWrongAsync(email, from: "203.0.113.66");

        var strangerWithTheRightPassword = await SignInAsync(email, password, from: "203.0.113.66");
        var owner = await SignInAsync(email, password, from: "198.51.100.77");
        var sameNetworkOtherEmail = await SignInAsync("someone.else@clinic.test", "Whatever-pass-1", from: "203.0.113.66");
        factory.Clock.Advance(TimeSpan.FromMinutes(16));
        var strangerLater = await SignInAsync(email, "Still-wrong-999", from: "203.0.113.66");

        Assert.Equal((HttpStatusCode.TooManyRequests, HeldBack), (strangerWithTheRightPassword.Status, strangerWithTheRightPassword.Message));
        Assert.Equal("/admin", owner.Path);
        Assert.Equal(Wrong, sameNetworkOtherEmail.Message);
        Assert.Equal(Wrong, strangerLater.Message);
    }

    [Fact]
    public async Task A_locked_account_says_so_only_to_someone_who_knows_its_password()
    {
        const string email = "locked.by.admin@clinic.test";
        const string password = "Locked-password-2468";
        await factory.CreateStaffAsync(email, password, StaffRoles.Author, "Locked Person");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByEmailAsync(email))!, DateTimeOffset.MaxValue);
        }

        var wrong = await SignInAsync(email, "Not-the-password-1", from: "198.51.100.90");
        var right = await SignInAsync(email, password, from: "198.51.100.90");

        Assert.Equal(Wrong, wrong.Message);
        Assert.Equal("This account is locked. Ask an administrator to unlock it.", right.Message);
        Assert.Equal("/account/login", right.Path);
    }

    private async Task<List<(HttpStatusCode Status, string Message, int Checks)>> SixWrongAsync(string email, string from)
    {
        var answers = new List<(HttpStatusCode, string, int)>();
        for (var i = 1; i <= 6; i++)
        {
            var before = factory.Hasher.Verifications;
            var answer = await SignInAsync(email, $"Wrong-password-{i}", from);
            answers.Add((answer.Status, answer.Message, factory.Hasher.Verifications - before));
        }

        return answers;
    }

    private async Task<(HttpStatusCode Status, string Message, string Path)> SignInAsync(string email, string password, string from)
    {
        using var client = factory.CreateBrowserlikeClient();
        client.DefaultRequestHeaders.Add(RemoteAddressFromTestHeader.Header, from);
        var login = await client.GetDocumentAsync("/account/login");
        using var response = await client.SubmitAsync(login.Form("main form"), new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
        });
        var page = await Html.ParseAsync(response);
        return (response.StatusCode, page.QuerySelector(".form-errors li")?.TextContent.Trim() ?? string.Empty, response.RequestMessage!.RequestUri!.AbsolutePath);
    }
}
