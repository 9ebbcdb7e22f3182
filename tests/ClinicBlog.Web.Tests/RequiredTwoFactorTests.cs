namespace ClinicBlog.Web.Tests;

public sealed class RequiredTwoFactorTests(RequiredTwoFactorTests.Factory factory) : IClassFixture<RequiredTwoFactorTests.Factory>
{
    public sealed class Factory : BlogFactory
    {
        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Blog:RequireTwoFactor"] = "true" };
    }

    [Fact]
    public async Task When_required_staff_without_two_factor_are_sent_to_set_it_up_first()
    {
        using var client = factory.CreateBrowserlikeClient();
        var login = await client.GetDocumentAsync("/account/login");
        using var signedIn = await client.SubmitAsync(login.Form("main form"), new Dictionary<string, string>
        {
            ["Email"] = BlogFactory.AdminEmail,
            ["Password"] = BlogFactory.AdminPassword,
        });
        Assert.Equal("/account/two-factor", signedIn.RequestMessage!.RequestUri!.AbsolutePath);

        var setup = await Html.ParseAsync(signedIn);
        var key = setup.QuerySelector("[data-shared-key]")!.TextContent;
        using var enabled = await client.SubmitAsync(setup.Form("main form"), new Dictionary<string, string> { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        var security = await Html.ParseAsync(enabled);
        using var dashboard = await client.GetAsync("/admin");

        Assert.Null(security.QuerySelector("form[action='/account/two-factor/disable']"));
        Assert.Equal("/admin", dashboard.RequestMessage!.RequestUri!.AbsolutePath);
    }
}
