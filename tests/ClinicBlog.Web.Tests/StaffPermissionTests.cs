using System.Net;
using System.Security.Claims;
using ClinicBlog.Core.Authors;
using ClinicBlog.Core.Comments;
using ClinicBlog.Core.Posts;
using ClinicBlog.Core.Security;
using ClinicBlog.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicBlog.Web.Tests;

/// <summary>Every resource operation for every role, on the member's own things and on someone else's:
/// first as the app's own <see cref="IAuthorizationService"/> answers it (the door every controller asks),
/// then through the pages themselves. The expected table is written out here, independently of the code.</summary>
public sealed class StaffPermissionTests(StaffPermissionTests.Factory factory) : IClassFixture<StaffPermissionTests.Factory>
{
    public sealed class Factory : BlogFactory
    {
        private readonly SemaphoreSlim _once = new(1, 1);
        private bool _ready;

        public Dictionary<string, int> AuthorIds { get; } = [];

        public async Task EnsureStaffAsync()
        {
            await _once.WaitAsync();
            try
            {
                if (!_ready)
                {
                    foreach (var role in StaffRoles.All)
                    {
                        AuthorIds[role] = await this.CreateStaffAsync(Email(role), Password, role, $"Matrix {role}");
                    }

                    _ready = true;
                }
            }
            finally
            {
                _once.Release();
            }
        }
    }

    private const string Password = "Matrix-password-2026";

    private static string Email(string role) => $"matrix-{role.ToLowerInvariant()}@clinic.test";

    // Role, operation, on own post, allowed on own, allowed on someone else's.
    public static TheoryData<string, PostOperation, PostStatus, bool, bool> PostTable => new()
    {
        { StaffRoles.Admin, PostOperation.Open, PostStatus.Published, true, true },
        { StaffRoles.Editor, PostOperation.Open, PostStatus.Published, true, true },
        { StaffRoles.Author, PostOperation.Open, PostStatus.Published, true, false },
        { StaffRoles.Reviewer, PostOperation.Open, PostStatus.Published, true, true },
        { StaffRoles.Admin, PostOperation.Edit, PostStatus.Published, true, true },
        { StaffRoles.Editor, PostOperation.Edit, PostStatus.Published, true, true },
        { StaffRoles.Author, PostOperation.Edit, PostStatus.Published, true, false },
        { StaffRoles.Reviewer, PostOperation.Edit, PostStatus.Published, true, false },
        { StaffRoles.Admin, PostOperation.Delete, PostStatus.Published, true, true },
        { StaffRoles.Editor, PostOperation.Delete, PostStatus.Published, true, true },
        { StaffRoles.Author, PostOperation.Delete, PostStatus.Published, false, false },
        { StaffRoles.Author, PostOperation.Delete, PostStatus.Draft, true, false },
        { StaffRoles.Reviewer, PostOperation.Delete, PostStatus.Draft, true, false },
        { StaffRoles.Reviewer, PostOperation.Delete, PostStatus.Published, false, false },
        { StaffRoles.Admin, PostOperation.Publish, PostStatus.Draft, true, true },
        { StaffRoles.Editor, PostOperation.Publish, PostStatus.Draft, true, true },
        { StaffRoles.Author, PostOperation.Publish, PostStatus.Draft, false, false },
        { StaffRoles.Reviewer, PostOperation.Publish, PostStatus.Draft, false, false },
        { StaffRoles.Admin, PostOperation.SignOff, PostStatus.Draft, false, false },
        { StaffRoles.Editor, PostOperation.SignOff, PostStatus.Draft, false, false },
        { StaffRoles.Author, PostOperation.SignOff, PostStatus.Draft, false, false },
        { StaffRoles.Reviewer, PostOperation.SignOff, PostStatus.Draft, false, true },
    };

    [Theory]
    [MemberData(nameof(PostTable))]
    public async Task Post_operations_follow_the_role_table(string role, PostOperation operation, PostStatus status, bool onOwn, bool onOthers)
    {
        await factory.EnsureStaffAsync();
        var own = new PostFacts(factory.AuthorIds[role], status);
        var others = new PostFacts(OtherAuthor(role), status);

        Assert.Equal(onOwn, await AskAsync(role, (auth, user) => auth.MayAsync(user, operation, own)));
        Assert.Equal(onOthers, await AskAsync(role, (auth, user) => auth.MayAsync(user, operation, others)));
    }

    public static TheoryData<string, CommentOperation, bool, bool> CommentTable => new()
    {
        { StaffRoles.Admin, CommentOperation.Moderate, true, true },
        { StaffRoles.Editor, CommentOperation.Moderate, true, true },
        { StaffRoles.Author, CommentOperation.Moderate, true, false },
        { StaffRoles.Reviewer, CommentOperation.Moderate, true, false },
        { StaffRoles.Admin, CommentOperation.Ban, true, true },
        { StaffRoles.Editor, CommentOperation.Ban, true, true },
        { StaffRoles.Author, CommentOperation.Ban, false, false },
        { StaffRoles.Reviewer, CommentOperation.Ban, false, false },
    };

    [Theory]
    [MemberData(nameof(CommentTable))]
    public async Task Comment_operations_follow_the_role_table(string role, CommentOperation operation, bool onOwnPost, bool onOthersPost)
    {
        await factory.EnsureStaffAsync();

        Assert.Equal(onOwnPost, await AskAsync(role, (auth, user) => auth.MayAsync(user, operation, new CommentFacts(factory.AuthorIds[role]))));
        Assert.Equal(onOthersPost, await AskAsync(role, (auth, user) => auth.MayAsync(user, operation, new CommentFacts(OtherAuthor(role)))));
    }

    [Theory]
    [InlineData(StaffRoles.Admin, true, false, true)]
    [InlineData(StaffRoles.Editor, false, false, false)]
    [InlineData(StaffRoles.Author, false, false, false)]
    [InlineData(StaffRoles.Reviewer, false, false, false)]
    public async Task Staff_account_operations_follow_the_role_table(string role, bool manage, bool lockSelf, bool lockOther)
    {
        await factory.EnsureStaffAsync();
        var self = await UserIdAsync(Email(role));
        var other = await UserIdAsync(BlogFactory.AdminEmail);

        Assert.Equal(manage, await AskAsync(role, (auth, user) => auth.MayAsync(user, StaffAccountOperation.Manage, new StaffAccountFacts(other))));
        Assert.Equal(lockSelf, await AskAsync(role, (auth, user) => auth.MayAsync(user, StaffAccountOperation.Lock, new StaffAccountFacts(self))));
        Assert.Equal(lockOther, await AskAsync(role, (auth, user) => auth.MayAsync(user, StaffAccountOperation.Lock, new StaffAccountFacts(other))));
    }

    [Theory]
    [InlineData(StaffRoles.Admin, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK)]
    [InlineData(StaffRoles.Editor, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK)]
    [InlineData(StaffRoles.Author, HttpStatusCode.OK, HttpStatusCode.Forbidden, HttpStatusCode.OK, HttpStatusCode.Forbidden)]
    [InlineData(StaffRoles.Reviewer, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Forbidden)]
    public async Task The_pages_answer_as_the_table_says(
        string role, HttpStatusCode openOwn, HttpStatusCode openOthers, HttpStatusCode deleteOwnDraft, HttpStatusCode deleteOthersDraft)
    {
        await factory.EnsureStaffAsync();
        using var member = await factory.SignedInClientAsync(Email(role), Password);
        var ownDraft = await PostIdAsync(await factory.AddPostByAsync(factory.AuthorIds[role], $"Own draft of {role}", PostStatus.Draft, null));
        var othersDraft = await PostIdAsync(await factory.AddPostByAsync(OtherAuthor(role), $"Other draft for {role}", PostStatus.Draft, null));

        Assert.Equal(openOwn, await StatusAsync(member, $"/admin/posts/{ownDraft}/edit"));
        Assert.Equal(openOthers, await StatusAsync(member, $"/admin/posts/{othersDraft}/edit"));
        Assert.Equal(deleteOwnDraft, await StatusAsync(member, $"/admin/posts/{ownDraft}/delete"));
        Assert.Equal(deleteOthersDraft, await StatusAsync(member, $"/admin/posts/{othersDraft}/delete"));
    }

    [Theory]
    [InlineData(StaffRoles.Admin, true, true)]
    [InlineData(StaffRoles.Editor, true, true)]
    [InlineData(StaffRoles.Author, true, false)]
    [InlineData(StaffRoles.Reviewer, true, false)]
    public async Task Moderating_a_comment_follows_the_table_through_the_queue(string role, bool onOwnPost, bool onOthersPost)
    {
        await factory.EnsureStaffAsync();
        using var member = await factory.SignedInClientAsync(Email(role), Password);
        var own = await PendingCommentAsync(factory.AuthorIds[role], $"Comment under {role}'s post");
        var others = await PendingCommentAsync(OtherAuthor(role), $"Comment under another post for {role}");

        Assert.Equal(onOwnPost, await ApproveAsync(member, own));
        Assert.Equal(onOthersPost, await ApproveAsync(member, others));
    }

    private int OtherAuthor(string role) => factory.AuthorIds[role == StaffRoles.Editor ? StaffRoles.Author : StaffRoles.Editor];

    /// <summary>Asks the app's authorization service as a request of this role's member would.</summary>
    private async Task<bool> AskAsync(string role, Func<IAuthorizationService, ClaimsPrincipal, Task<bool>> question)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var claims = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<StaffUser>>();
        var principal = await claims.CreateAsync((await users.FindByEmailAsync(Email(role)))!);
        return await question(scope.ServiceProvider.GetRequiredService<IAuthorizationService>(), principal);
    }

    private Task<string> UserIdAsync(string email) =>
        factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private Task<int> PostIdAsync(string slug) =>
        factory.WithDbAsync(db => db.Posts.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync());

    private async Task<int> PendingCommentAsync(int authorId, string title)
    {
        var postId = await PostIdAsync(await factory.AddPostByAsync(authorId, title, PostStatus.Published, DateTime.UtcNow.AddDays(-1)));
        return await factory.WithDbAsync(async db =>
        {
            var comment = new Comment { PostId = postId, AuthorName = "Reader", Body = "A question.", BodyHtml = "<p>A question.</p>", Status = CommentStatus.Pending };
            db.Comments.Add(comment);
            await db.SaveChangesAsync();
            return comment.Id;
        });
    }

    /// <summary>Approves through the one-comment page's form; true when the comment is approved afterwards.</summary>
    private async Task<bool> ApproveAsync(HttpClient member, int commentId)
    {
        using var page = await member.GetAsync($"/admin/comments/{commentId}");
        if (page.StatusCode != HttpStatusCode.OK)
        {
            Assert.Contains(page.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });
            return await factory.WithDbAsync(db => db.Comments.AnyAsync(c => c.Id == commentId && c.Status == CommentStatus.Approved));
        }

        await member.SubmitExpectingSuccessAsync((await Html.ParseAsync(page)).Form(".moderation-form"), null, $"#queue-{commentId} button[value=approve]");
        return await factory.WithDbAsync(db => db.Comments.AnyAsync(c => c.Id == commentId && c.Status == CommentStatus.Approved));
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        return response.StatusCode;
    }
}
