using ClinicBlog.Core.Authors;
using ClinicBlog.Core.Comments;
using ClinicBlog.Core.Posts;
using Microsoft.EntityFrameworkCore;

namespace ClinicBlog.Web.Tests;

/// <summary>The staff navigation around every staff page, and the public footer's staff link.</summary>
public sealed class StaffShellTests(BlogFactory factory) : IClassFixture<BlogFactory>
{
    [Fact]
    public async Task Admins_see_every_group_with_the_work_waiting_beside_its_entry()
    {
        using var admin = await factory.SignedInAdminAsync();
        await factory.WithDbAsync(async db =>
        {
            var postId = await db.Posts.Select(p => p.Id).FirstAsync();
            db.Comments.Add(new Comment { PostId = postId, AuthorName = "Worried", Body = "b", BodyHtml = "<p>b</p>", Status = CommentStatus.Pending, IsUrgent = true });
            db.Comments.Add(new Comment { PostId = postId, AuthorName = "Calm", Body = "c", BodyHtml = "<p>c</p>", Status = CommentStatus.Pending });
            return await db.SaveChangesAsync();
        });

        var page = await admin.GetDocumentAsync("/admin/posts/new");
        var sidebar = page.QuerySelector("nav.staff-nav-sidebar")!;

        Assert.Equal(["Start", "Write", "Community", "Team", "Site", "Me"], sidebar.QuerySelectorAll(".staff-nav-heading").Select(h => h.TextContent));
        Assert.Equal(["Dashboard", "Posts", "Pages", "Menu", "Images", "Comments", "Bans", "Authors", "Staff", "Settings", "Notifications", "Privacy", "Redirects", "Import", "Audit log", "Backup", "Account security", "My notifications"],
            sidebar.QuerySelectorAll("a").Select(a => a.ChildNodes[0].TextContent.Trim()));
        Assert.Equal("Posts", sidebar.QuerySelector("a[aria-current=page]")!.ChildNodes[0].TextContent.Trim());
        var comments = sidebar.QuerySelector("a[href='/admin/comments'] .badge")!;
        Assert.Contains("badge-urgent", comments.ClassList);
        Assert.Equal("2 waiting, 1 urgent", comments.TextContent.Trim());
        Assert.NotNull(sidebar.QuerySelector("form[action='/account/logout'] button"));
        // The phone menu holds the same entries, with ids of its own.
        Assert.Equal(18, page.QuerySelectorAll("details.staff-menu nav a").Length);
        Assert.Equal(page.QuerySelectorAll("[id]").Length, page.QuerySelectorAll("[id]").Select(e => e.Id).Distinct().Count());
    }

    [Fact]
    public async Task Authors_see_only_what_they_may_open_and_their_own_posts_awaiting_review()
    {
        var authorId = await factory.CreateStaffAsync("shell.author@clinic.test", "Shell-author-password-1", StaffRoles.Author, "Shell Author");
        await factory.AddPostByAsync(authorId, "Shell draft sent for review", PostStatus.Draft, null);
        await factory.WithDbAsync(db => db.Posts.Where(p => p.Title == "Shell draft sent for review")
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.SubmittedAt, DateTime.UtcNow)));
        using var author = await factory.SignedInClientAsync("shell.author@clinic.test", "Shell-author-password-1");

        var sidebar = (await author.GetDocumentAsync("/account/security")).QuerySelector("nav.staff-nav-sidebar")!;

        Assert.Equal(["Start", "Write", "Community", "Me"], sidebar.QuerySelectorAll(".staff-nav-heading").Select(h => h.TextContent));
        Assert.DoesNotContain(sidebar.QuerySelectorAll("a"), a => a.TextContent.Contains("Bans", StringComparison.Ordinal));
        Assert.Equal("1 waiting", sidebar.QuerySelector("a[href='/admin/posts'] .badge")!.TextContent.Trim());
        Assert.Equal("Account security", sidebar.QuerySelector("a[aria-current=page]")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_footer_offers_staff_sign_in_only_to_visitors_who_are_not_signed_in()
    {
        using var reader = factory.CreateBrowserlikeClient();
        using var admin = await factory.SignedInAdminAsync();

        var anonymous = await reader.GetDocumentAsync(TestContent.SeedUrl);
        var staff = await admin.GetDocumentAsync(TestContent.SeedUrl);

        Assert.NotNull(anonymous.QuerySelector(".site-footer a[href='/account/login']"));
        Assert.Null(staff.QuerySelector(".site-footer a[href='/account/login']"));
        Assert.Equal("Staff pages", staff.QuerySelector(".site-footer a[href='/admin']")!.TextContent);
    }

    [Theory]
    [InlineData("/")]
    [InlineData(TestContent.SeedUrl)]
    [InlineData("/search?q=ketamine")]
    public async Task Reader_pages_load_no_staff_stylesheet_and_no_script(string url)
    {
        var page = await factory.CreateBrowserlikeClient().GetDocumentAsync(url);

        Assert.Empty(page.QuerySelectorAll("script[src]"));
        Assert.DoesNotContain(page.QuerySelectorAll("link[rel=stylesheet]"), l => l.GetAttribute("href")!.Contains("admin", StringComparison.Ordinal));
        Assert.Single(page.QuerySelectorAll("link[rel=stylesheet]"));
    }
}
