using System.Net;

namespace ClinicBlog.Web.Tests;

[Trait("Category", "Slow")]
public sealed class SignInRateLimitTests(SignInRateLimitTests.Factory factory) : IClassFixture<SignInRateLimitTests.Factory>
{
    public sealed class Factory : BlogFactory
    {
        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Blog:SignInRateLimitPermits"] = "3" };
    }

    [Fact]
    public async Task Too_many_sign_in_attempts_from_one_client_get_a_friendly_429()
    {
        using var client = factory.CreateBrowserlikeClient();
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < 5; i++)
        {
            var login = await client.GetDocumentAsync("/account/login");
            using var response = await client.SubmitAsync(login.Form("main form"), new Dictionary<string, string>
            {
                ["Email"] = $"guess{i}@clinic.test",
                ["Password"] = "Guessed-password-1",
            });
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Contains("wait a minute", (await Html.ParseAsync(response)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }
}
