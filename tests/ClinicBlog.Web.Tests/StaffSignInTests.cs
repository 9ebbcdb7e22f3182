using System.Net;
using AngleSharp.Dom;
using ClinicBlog.Core.Authors;
using ClinicBlog.Core.Comments;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicBlog.Web.Tests;

public sealed class StaffSignInTests(BlogFactory factory) : IClassFixture<BlogFactory>
{
    [Fact]
    public async Task Admin_redirects_an_anonymous_visitor_to_sign_in()
    {
        using var client = factory.CreateBrowserlikeClient(followRedirects: false);

        using var response = await client.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location!.AbsolutePath);
        Assert.Contains("ReturnUrl=%2Fadmin", response.Headers.Location!.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_configured_admin_signs_in_through_the_form_and_sees_the_dashboard_counts()
    {
        await factory.AddPostAsync("A draft for the dashboard", Core.Posts.PostStatus.Draft, null);
        await factory.WithDbAsync(async db =>
        {
            var postId = await db.Posts.Select(p => p.Id).FirstAsync();
            db.Comments.Add(new Comment { PostId = postId, AuthorName = "Q", Body = "Waiting", BodyHtml = "<p>Waiting</p>", Status = CommentStatus.Pending });
            await db.SaveChangesAsync();
        });
        using var client = factory.CreateBrowserlikeClient();

        var login = await client.GetDocumentAsync("/admin");
        using var response = await client.SubmitAsync(login.Form("form[action^='/account/login']"), new Dictionary<string, string>
        {
            ["Email"] = BlogFactory.AdminEmail,
            ["Password"] = BlogFactory.AdminPassword,
        });
        var dashboard = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/admin", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("Dashboard", dashboard.QuerySelector("h1")!.TextContent);
        Assert.Equal("1", dashboard.QuerySelector("[data-stat=posts-published] dd")!.TextContent);
        Assert.Equal("1", dashboard.QuerySelector("[data-stat=posts-draft] dd")!.TextContent);
        Assert.Equal("0", dashboard.QuerySelector("[data-stat=posts-scheduled] dd")!.TextContent);
        Assert.Equal("1", dashboard.QuerySelector("[data-stat=comments-pending] dd")!.TextContent);
        Assert.True(response.Headers.CacheControl!.NoStore, "staff pages must not be stored by caches");

        // Signing out (a POST with the page's antiforgery token) closes the staff area again.
        using var signedOut = await client.SubmitAsync(dashboard.Form("form[action='/account/logout']"));
        using var after = await factory.CreateBrowserlikeClient(followRedirects: false).GetAsync("/admin");
        using var again = await client.GetAsync("/admin");
        Assert.Equal("/", signedOut.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("/account/login", again.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_and_after_five_this_client_is_held_back_even_with_the_right_one()
    {
        const string email = "locked.author@clinic.test";
        const string password = "Right-password-4-lockout";
        await CreateStaffAsync(email, password);
        using var client = factory.CreateBrowserlikeClient();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var page = await SignInAsync(client, email, "Wrong-password-" + attempt);
            Assert.Equal("That email and password do not match a staff account.", page.QuerySelector(".form-errors li")!.TextContent);
            Assert.Equal(email, page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Email")!.Value);
            Assert.Equal(string.Empty, page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Password")!.Value);
        }

        var sixth = await SignInAsync(client, email, password);

        Assert.Equal("Too many failed sign-ins with this email from your network. Wait 15 minutes, then try again.", sixth.QuerySelector(".form-errors li")!.TextContent);
        Assert.Equal(email, sixth.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Email")!.Value);
        Assert.Equal("/account/login", sixth.Location.PathName);
        using var admin = await client.GetAsync("/admin");
        Assert.Equal("/account/login", admin.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task An_unknown_email_gets_the_same_message_as_a_wrong_password()
    {
        using var client = factory.CreateBrowserlikeClient();

        var page = await SignInAsync(client, "nobody@clinic.test", "Whatever-password-1");

        Assert.Equal("That email and password do not match a staff account.", page.QuerySelector(".form-errors li")!.TextContent);
    }

    [Fact]
    public async Task Empty_and_malformed_fields_get_messages_next_to_them_with_the_input_kept()
    {
        using var client = factory.CreateBrowserlikeClient();
        var login = await client.GetDocumentAsync("/account/login");

        using var response = await client.SubmitAsync(login.Form("main form"), new Dictionary<string, string>
        {
            ["Email"] = "not-an-email",
            ["Password"] = "",
        });
        var page = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("not-an-email", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Email")!.Value);
        Assert.Equal("Enter an email address such as name@clinic.org.", page.QuerySelector("#Email-error")!.TextContent);
        Assert.Equal("Enter your password.", page.QuerySelector("#Password-error")!.TextContent);
    }

    [Fact]
    public async Task Sign_in_never_redirects_off_site()
    {
        using var client = factory.CreateBrowserlikeClient(followRedirects: false);
        using var get = await client.GetAsync("/account/login?returnUrl=https%3A%2F%2Fevil.example%2F");
        var login = await Html.ParseAsync(get);

        using var response = await client.SubmitAsync(login.Form("main form"), new Dictionary<string, string>
        {
            ["Email"] = BlogFactory.AdminEmail,
            ["Password"] = BlogFactory.AdminPassword,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_sign_in_post_without_the_antiforgery_token_is_refused()
    {
        using var client = factory.CreateBrowserlikeClient(followRedirects: false);

        using var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = BlogFactory.AdminEmail,
            ["Password"] = BlogFactory.AdminPassword,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("clinicblog.staff", StringComparison.Ordinal)));
    }

    private static async Task<AngleSharp.Dom.IDocument> SignInAsync(HttpClient client, string email, string password)
    {
        var login = await client.GetDocumentAsync("/account/login");
        using var response = await client.SubmitAsync(login.Form("main form"), new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
        });
        return await Html.ParseAsync(response);
    }

    private async Task CreateStaffAsync(string email, string password)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true };
        Assert.True((await users.CreateAsync(user, password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, StaffRoles.Author)).Succeeded);
    }
}

/// <summary>A first start without Blog:Admin settings: the admin gets a generated password, logged once.</summary>
public sealed class GeneratedAdminPasswordTests(GeneratedAdminPasswordTests.Factory factory) : IClassFixture<GeneratedAdminPasswordTests.Factory>
{
    public sealed class Factory : BlogFactory
    {
        protected override bool ConfigureAdmin => false;
    }

    [Fact]
    public async Task Without_settings_the_first_admin_gets_a_strong_generated_password_that_must_be_changed_at_sign_in()
    {
        _ = factory.Services;
        // Start over as a brand-new install would, capturing what the bootstrapper logs.
        await factory.WithDbAsync(db => db.Users.ExecuteDeleteAsync());
        var log = new CapturingLogger<StaffBootstrapper>();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var bootstrapper = ActivatorUtilities.CreateInstance<StaffBootstrapper>(scope.ServiceProvider, log);
            await bootstrapper.EnsureAsync();
        }

        var entry = Assert.Single(log.Entries);
        var email = (string)entry.Properties["AdminEmail"]!;
        var password = (string)entry.Properties["AdminPassword"]!;
        Assert.Equal("admin@clinicblog.local", email);
        Assert.True(password.Length >= 20);
        Assert.Contains("/account/login", entry.Message, StringComparison.Ordinal);

        // The generated password went through the log: it signs in once, to choose a new one.
        using var client = await factory.SignedInWithOneTimePasswordAsync(email, password, "First-admin-own-password-1");

        // A second start with the account in place logs no password again.
        var secondLog = new CapturingLogger<StaffBootstrapper>();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await ActivatorUtilities.CreateInstance<StaffBootstrapper>(scope.ServiceProvider, secondLog).EnsureAsync();
        }

        Assert.Empty(secondLog.Entries);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Users.CountAsync()));
        Assert.Equal(StaffRoles.All.Count, await factory.WithDbAsync(db => db.Roles.CountAsync()));
    }
}
