using ClinicBlog.Core.Authors;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicBlog.Web.Tests;

/// <summary>An unknown email costs a password check like a wrong password does, so the time a
/// refusal takes does not tell who has an account (counted, not timed: CI machines are noisy).</summary>
public sealed class SignInEnumerationTests(SignInEnumerationTests.Factory factory) : IClassFixture<SignInEnumerationTests.Factory>
{
    public sealed class Factory : BlogFactory
    {
        public CountingHasher Hasher { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IPasswordHasher<StaffUser>>(Hasher));
        }
    }

    public sealed class CountingHasher : IPasswordHasher<StaffUser>
    {
        private readonly PasswordHasher<StaffUser> _inner = new();
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public string HashPassword(StaffUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(StaffUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    [Fact]
    public async Task An_unknown_email_and_a_wrong_password_each_cost_one_password_check_and_get_the_same_answer()
    {
        var known = await SignInAsync(BlogFactory.AdminEmail);
        var unknown = await SignInAsync("nobody-here@clinic.test");

        Assert.Equal((1, AccountMessage), (known.Checks, known.Message));
        Assert.Equal((1, AccountMessage), (unknown.Checks, unknown.Message));
    }

    private const string AccountMessage = "That email and password do not match a staff account.";

    private async Task<(int Checks, string Message)> SignInAsync(string email)
    {
        using var client = factory.CreateBrowserlikeClient();
        var login = await client.GetDocumentAsync("/account/login");
        var before = factory.Hasher.Verifications;
        using var response = await client.SubmitAsync(login.Form("main form"), new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = "Not-the-password-123",
        });
        var page = await Html.ParseAsync(response);
        return (factory.Hasher.Verifications - before, page.QuerySelector(".form-errors li")!.TextContent.Trim());
    }
}
