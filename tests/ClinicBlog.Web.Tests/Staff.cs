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
