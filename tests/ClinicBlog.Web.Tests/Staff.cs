using ClinicBlog.Core.Authors;
using ClinicBlog.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicBlog.Web.Tests;

/// <summary>Staff accounts and sign-in through the real form.</summary>
public static class Staff
{
    public static async Task<HttpClient> SignedInClientAsync(this BlogFactory factory, string email, string password)
    {
        var client = factory.CreateBrowserlikeClient();
        var login = await client.GetDocumentAsync("/account/login");
        using var response = await client.SubmitAsync(login.Form("main form"), new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
        });
        Assert.Equal("/admin", response.RequestMessage!.RequestUri!.AbsolutePath);
        return client;
    }

    /// <summary>Signs in with a generated or one-time password: every staff page sends the person to
    /// choose their own first (checked here), and after that the staff pages open.</summary>
    public static async Task<HttpClient> SignedInWithOneTimePasswordAsync(this BlogFactory factory, string email, string oneTimePassword, string newPassword)
    {
        var client = factory.CreateBrowserlikeClient();
        var login = await client.GetDocumentAsync("/account/login");
        using var signedIn = await client.SubmitAsync(login.Form("main form"), new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = oneTimePassword,
        });
        var security = await Html.ParseAsync(signedIn);
        Assert.Equal("/account/security", signedIn.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.NotNull(security.QuerySelector("[data-must-change-password]"));
        using var elsewhere = await client.GetAsync("/admin/posts");
        Assert.Equal("/account/security", elsewhere.RequestMessage!.RequestUri!.AbsolutePath);

        using var changed = await client.SubmitAsync(security.Form("form[action='/account/password']"), new Dictionary<string, string>
        {
            ["Password.CurrentPassword"] = oneTimePassword,
            ["Password.NewPassword"] = newPassword,
            ["Password.ConfirmPassword"] = newPassword,
        });
        Assert.Null((await Html.ParseAsync(changed)).QuerySelector("[data-must-change-password]"));
        using var dashboard = await client.GetAsync("/admin");
        Assert.Equal("/admin", dashboard.RequestMessage!.RequestUri!.AbsolutePath);
        return client;
    }

    public static Task<HttpClient> SignedInAdminAsync(this BlogFactory factory) =>
        factory.SignedInClientAsync(BlogFactory.AdminEmail, BlogFactory.AdminPassword);

    /// <summary>Creates a staff member with their own author profile; returns the author's id.</summary>
    public static async Task<int> CreateStaffAsync(this BlogFactory factory, string email, string password, string role, string displayName)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BlogDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var author = new Author { DisplayName = displayName, Slug = Core.Content.SlugGenerator.Generate(displayName) };
        db.Authors.Add(author);
        await db.SaveChangesAsync();
        var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, AuthorId = author.Id };
        var created = await users.CreateAsync(user, password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return await db.Authors.Where(a => a.Slug == author.Slug).Select(a => a.Id).SingleAsync();
    }
}
