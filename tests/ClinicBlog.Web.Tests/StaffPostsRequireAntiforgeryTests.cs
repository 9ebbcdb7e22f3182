using System.Net;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicBlog.Web.Tests;

/// <summary>Walks every POST route the app exposes (from the endpoint data source, not a hand list).</summary>
public sealed class StaffPostsRequireAntiforgeryTests(BlogFactory factory) : IClassFixture<BlogFactory>
{
    [Fact]
    public async Task Every_staff_post_without_an_antiforgery_token_is_refused_even_when_signed_in()
    {
        using var admin = await factory.SignedInAdminAsync();
        var routes = PostRoutes().Where(r => r.Template != "posts/{slug}/comments").ToList();

        Assert.True(routes.Count >= 20, $"only {routes.Count} POST routes found");
        foreach (var (template, _) in routes)
        {
            using var response = await admin.PostAsync("/" + Fill(template), new FormUrlEncodedContent(new Dictionary<string, string> { ["action"] = "approve" }));
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"POST /{template} without a token answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Every_staff_route_refuses_an_anonymous_visitor()
    {
        using var anonymous = factory.CreateBrowserlikeClient(followRedirects: false);
        var staffRoutes = AllRoutes().Where(r => r.Template.StartsWith("admin", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(staffRoutes);
        foreach (var (template, method) in staffRoutes)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), "/" + Fill(template));
            using var response = await anonymous.SendAsync(request);
            var refused = response.StatusCode is HttpStatusCode.BadRequest
                || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.AbsolutePath == "/account/login");
            Assert.True(refused, $"{method} /{template} answered {(int)response.StatusCode} to an anonymous visitor");
        }
    }

    [Theory]
    [InlineData(Core.Authors.StaffRoles.Author)]
    [InlineData(Core.Authors.StaffRoles.Reviewer)]
    [InlineData(Core.Authors.StaffRoles.Editor)]
    public async Task Every_route_closed_to_a_role_refuses_a_signed_in_member_of_it(string role)
    {
        var email = $"crawl-{role.ToLowerInvariant()}@clinic.test";
        await factory.CreateStaffAsync(email, "Crawl-password-123", role, $"Crawl {role}");
        using var member = await factory.SignedInClientAsync(email, "Crawl-password-123");
        var closed = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ControllerActionDescriptor>() is not null)
            .Where(e => !AllowedRoles(e).Contains(role))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (Template: e.RoutePattern.RawText!.TrimStart('/'), Method: m)))
            .Distinct()
            .ToList();

        Assert.True(closed.Count >= (role == Core.Authors.StaffRoles.Editor ? 10 : 15), $"only {closed.Count} routes are closed to {role}");
        foreach (var (template, method) in closed)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), "/" + Fill(template));
            using var response = await member.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} /{template} answered {(int)response.StatusCode} to a signed-in {role}");
        }
    }

    /// <summary>The roles every [Authorize(Roles = ...)] on the endpoint lets in (all of them when none names roles).</summary>
    private static HashSet<string> AllowedRoles(Microsoft.AspNetCore.Http.Endpoint endpoint)
    {
        var allowed = new HashSet<string>(Core.Authors.StaffRoles.AnyStaff.Split(','));
        foreach (var data in endpoint.Metadata.GetOrderedMetadata<Microsoft.AspNetCore.Authorization.IAuthorizeData>())
        {
            if (!string.IsNullOrEmpty(data.Roles))
            {
                allowed.IntersectWith(data.Roles.Split(',', StringSplitOptions.TrimEntries));
            }
        }

        return allowed;
    }

    private IEnumerable<(string Template, string Method)> PostRoutes() => AllRoutes().Where(r => r.Method == "POST");

    private IEnumerable<(string Template, string Method)> AllRoutes() =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ControllerActionDescriptor>() is not null)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (e.RoutePattern.RawText!.TrimStart('/'), m)))
            .Distinct();

    private static string Fill(string template) =>
        System.Text.RegularExpressions.Regex.Replace(template, @"\{(\w+)(:int|:guid)?\}", m => m.Groups[2].Value switch
        {
            ":int" => "1",
            ":guid" => Guid.Empty.ToString(),
            _ => "x",
        });
}
