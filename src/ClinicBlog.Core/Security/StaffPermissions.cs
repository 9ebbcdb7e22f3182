using ClinicBlog.Core.Authors;
using ClinicBlog.Core.Posts;

namespace ClinicBlog.Core.Security;

/// <summary>Who may do what: the whole role table, in one place. The web app asks it through ASP.NET Core's
/// <c>IAuthorizationService</c> (one handler per resource adapts it); core services ask it directly. Data
/// rules that need the database (the last Admin, a reviewer's credentials) stay with their services.
/// <code>
///                          Admin    Editor   Author             Reviewer
/// post: open               all      all      own                all
/// post: edit               all      all      own                own
/// post: delete             all      all      own drafts         own drafts
/// post: publish            all      all      —                  —
/// post: sign off           —        —        —                  others' posts
/// comment: moderate        all      all      on own posts       on own posts
/// comment: ban sender      all      all      —                  —
/// staff account: manage    all      —        —                  —
/// staff account: lock      others   —        —                  —
/// site pages (authors, staff, audit, backup, privacy, notifications): Admin; bans page: Admin, Editor
/// </code></summary>
public static class StaffPermissions
{
    /// <summary>For <c>[Authorize(Roles = ...)]</c>: every staff page.</summary>
    public const string AnyStaff = StaffRoles.AnyStaff;

    /// <summary>For <c>[Authorize(Roles = ...)]</c>: running the site (authors, staff, audit, backup, privacy, notifications).</summary>
    public const string SiteAdministration = StaffRoles.Admin;

    /// <summary>For <c>[Authorize(Roles = ...)]</c>: the posts whose review is due (those who read every post).</summary>
    public const string ReviewQueue = StaffRoles.Admin + "," + StaffRoles.Editor + "," + StaffRoles.Reviewer;

    /// <summary>For <c>[Authorize(Roles = ...)]</c>: the list of bans (only those who may ban see and lift them).</summary>
    public const string Bans = StaffRoles.AdminOrEditor;

    /// <summary>The site's pages (About us, Contact…): Admins and Editors, who publish.</summary>
    public const string SitePages = StaffRoles.AdminOrEditor;

    /// <summary>Admins and Editors act on everyone's posts and comments.</summary>
    public static bool ActsOnEverything(StaffMember who)
    {
        ArgumentNullException.ThrowIfNull(who);
        return who.IsIn(StaffRoles.Admin) || who.IsIn(StaffRoles.Editor);
    }

    /// <summary>Reviewers sign off medical content, so they read every post (and the review queue).</summary>
    public static bool ReadsEveryPost(StaffMember who) => ActsOnEverything(who) || IsReviewer(who);

    public static bool IsReviewer(StaffMember who)
    {
        ArgumentNullException.ThrowIfNull(who);
        return who.IsIn(StaffRoles.Reviewer);
    }

    /// <summary>Publishing, scheduling, archiving, choosing a post's author and deciding on pending changes.</summary>
    public static bool Publishes(StaffMember who) => ActsOnEverything(who);

    public static bool Allows(StaffMember who, PostOperation operation, PostFacts post)
    {
        ArgumentNullException.ThrowIfNull(post);
        var own = who.AuthorId is { } authorId && authorId == post.AuthorId;
        return operation switch
        {
            PostOperation.Open => ReadsEveryPost(who) || own,
            PostOperation.Edit => ActsOnEverything(who) || own,
            PostOperation.Delete => ActsOnEverything(who) || (own && post.Status == PostStatus.Draft),
            PostOperation.Publish => Publishes(who),
            PostOperation.SignOff => IsReviewer(who) && who.AuthorId is not null && !own,
            _ => false,
        };
    }

    public static bool Allows(StaffMember who, CommentOperation operation, CommentFacts comment)
    {
        ArgumentNullException.ThrowIfNull(comment);
        return operation switch
        {
            CommentOperation.Moderate => ActsOnEverything(who) || (who.AuthorId is { } authorId && authorId == comment.PostAuthorId),
            CommentOperation.Ban => ActsOnEverything(who),
            _ => false,
        };
    }

    public static bool Allows(StaffMember who, StaffAccountOperation operation, StaffAccountFacts account)
    {
        ArgumentNullException.ThrowIfNull(who);
        ArgumentNullException.ThrowIfNull(account);
        return operation switch
        {
            StaffAccountOperation.Manage => who.IsIn(StaffRoles.Admin),
            StaffAccountOperation.Lock => who.IsIn(StaffRoles.Admin) && account.UserId != who.UserId,
            _ => false,
        };
    }
}
