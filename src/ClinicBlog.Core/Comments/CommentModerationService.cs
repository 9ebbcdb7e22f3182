using ClinicBlog.Core.Audit;
using ClinicBlog.Core.Data;
using ClinicBlog.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ClinicBlog.Core.Comments;

/// <summary>Staff decisions on comments. Each one is recorded in the audit log (who, what, when),
/// never with the commenter's email or removed text.</summary>
public sealed class CommentModerationService(
    BlogDbContext db,
    TimeProvider clock,
    Content.MarkdownRenderer renderer,
    IAuditLog audit,
    Notifications.NotificationPlanner notifications,
    ILogger<CommentModerationService> logger)
{
    /// <summary>What replaces a passage a moderator removed.</summary>
    public const string RedactionMarker = "[removed by moderator]";

    /// <summary>The form fields messages are given for.</summary>
    public const string PassageField = "Passage";

    public const string DaysField = "Days";

    /// <summary>The comments this moderator may act on.</summary>
    public IQueryable<Comment> Scope(StaffMember who)
    {
        ArgumentNullException.ThrowIfNull(who);
        return StaffPermissions.ActsOnEverything(who) ? db.Comments : db.Comments.Where(c => c.Post.AuthorId == who.AuthorId);
    }

    /// <summary>Applies one action to exactly the given comments, all or nothing.</summary>
    public async Task<Result<int>> ApplyAsync(
        StaffMember who, ModerationAction action, IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var distinct = ids.Distinct().ToList();
        var check = await CheckAsync(who, distinct, cancellationToken);
        if (!check.Succeeded)
        {
            return check.As<int>();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        // Tracked, not bulk: the change and its audit rows are one SaveChanges, and what changed decides
        // which cached pages go (Content.PublicContentChanges).
        var comments = await db.Comments.Include(c => c.Post).Where(c => distinct.Contains(c.Id)).ToListAsync(cancellationToken);
        var newlyApproved = comments.Where(c => c.Status != CommentStatus.Approved)
            .Select(c => new Notifications.NotificationPlanner.ApprovedComment(c.Id, c.Post.Title, c.Post.AuthorId)).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var comment in comments)
        {
            Apply(who, action, comment, now);
            audit.Record(AuditAction.Moderated(action), who.UserId, comment.Id);
        }

        if (action == ModerationAction.Approve)
        {
            // Queued in the same transaction: the authors hear about exactly the approvals that happened.
            await notifications.QueueApprovalsAsync(who.UserId, newlyApproved, now, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("{Action} {Count} comment(s) by staff {UserId}", action, comments.Count, who.UserId);
        return Result.Of(comments.Count);
    }

    /// <summary>Posts an approved staff reply under the comment's thread (one level: a reply to a reply
    /// joins the same top-level comment).</summary>
    public async Task<Result<int>> ReplyAsStaffAsync(
        StaffMember who, int commentId, string body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(who);
        var check = await CheckAsync(who, [commentId], cancellationToken);
        if (!check.Succeeded)
        {
            return check.As<int>();
        }

        var target = await db.Comments.AsNoTracking().Where(c => c.Id == commentId)
            .Select(c => new { c.PostId, c.ParentId }).SingleAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var text = CommentSubmissionService.Clean(body);
        var reply = new Comment
        {
            PostId = target.PostId,
            ParentId = target.ParentId ?? commentId,
            AuthorName = who.DisplayName,
            Body = text,
            BodyHtml = renderer.RenderComment(text),
            Status = CommentStatus.Approved,
            IsFromStaff = true,
            ModeratedAt = now,
            ModeratedById = who.UserId,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Comments.Add(reply);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record(AuditAction.CommentStaffReply, who.UserId, reply.Id, $"in reply to comment {commentId}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result.Of(reply.Id);
    }

    /// <summary>Replaces every occurrence of <paramref name="passage"/> in a comment's text with
    /// <see cref="RedactionMarker"/>. The audit entry says that a redaction happened, not what was removed.</summary>
    public async Task<Result> RedactAsync(
        StaffMember who, int commentId, string? passage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(who);
        var check = await CheckAsync(who, [commentId], cancellationToken);
        if (!check.Succeeded)
        {
            return check;
        }

        var comment = await db.Comments.SingleAsync(c => c.Id == commentId, cancellationToken);
        var text = passage?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (string.IsNullOrWhiteSpace(text))
        {
            return Result.Invalid(PassageField, "Enter the words to remove, exactly as they appear in the comment's text.");
        }

        if (!comment.Body.Contains(text, StringComparison.Ordinal))
        {
            return Result.Invalid(PassageField, "The comment's text does not contain those exact words. Copy them from the text shown above.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        comment.Body = comment.Body.Replace(text, RedactionMarker, StringComparison.Ordinal);
        comment.BodyHtml = renderer.RenderComment(comment.Body);
        comment.ModeratedAt = now;
        comment.ModeratedById = who.UserId;
        audit.Record(AuditAction.CommentRedacted, who.UserId, commentId, "a passage was removed from the text");
        await ScrubbingWrite.RunAsync(db, () => db.SaveChangesAsync(cancellationToken), cancellationToken);
        return Result.Success;
    }

    /// <summary>Bans the sender of a comment (by its email and IP hash) and marks the comment as spam.
    /// A ban holds on every post, so only those who moderate every post (and see and lift bans at
    /// /admin/bans) may set one: Admins and Editors.</summary>
    public async Task<Result> BanSenderAsync(
        StaffMember who, int commentId, string? reason, int? days, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(who);
        var postAuthorId = await db.Comments.Where(c => c.Id == commentId).Select(c => (int?)c.Post.AuthorId).SingleOrDefaultAsync(cancellationToken);
        if (postAuthorId is { } authorId && !StaffPermissions.Allows(who, CommentOperation.Ban, new CommentFacts(authorId)))
        {
            return Result.Forbidden();
        }

        if (days is < 1 or > CommenterBan.MaxDays)
        {
            return Result.Invalid(DaysField, CommenterBan.DaysMessage);
        }

        var check = await CheckAsync(who, [commentId], cancellationToken);
        if (!check.Succeeded)
        {
            return check;
        }

        var comment = await db.Comments.SingleAsync(c => c.Id == commentId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        db.CommenterBans.Add(new CommenterBan
        {
            Email = comment.AuthorEmail?.ToLowerInvariant(),
            IpHash = comment.IpHash,
            Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
            CreatedAt = now,
            ExpiresAt = days is { } length ? now.AddDays(length) : null,
            CreatedById = who.UserId,
        });
        comment.Status = CommentStatus.Spam;
        comment.ModeratedAt = now;
        comment.ModeratedById = who.UserId;
        audit.Record(AuditAction.CommenterBanned, who.UserId, commentId, days is { } d ? $"for {d} days" : "without end");
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }

    /// <summary>Lifts a ban.</summary>
    public async Task<Result> LiftBanAsync(StaffMember who, int banId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(who);
        var ban = await db.CommenterBans.SingleOrDefaultAsync(b => b.Id == banId, cancellationToken);
        if (ban is null)
        {
            return Result.NotFound;
        }

        db.CommenterBans.Remove(ban);
        audit.Record(AuditAction.CommenterBanLifted, who.UserId, banId);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }

    private async Task<Result> CheckAsync(StaffMember who, List<int> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return Result.NotFound;
        }

        var existing = await db.Comments.CountAsync(c => ids.Contains(c.Id), cancellationToken);
        if (existing < ids.Count)
        {
            return Result.NotFound;
        }

        var allowed = await Scope(who).CountAsync(c => ids.Contains(c.Id), cancellationToken);
        return allowed < ids.Count ? Result.Forbidden() : Result.Success;
    }

    private void Apply(StaffMember who, ModerationAction action, Comment comment, DateTime now)
    {
        if (action == ModerationAction.Delete)
        {
            // Replies go with it (the database cascades).
            db.Comments.Remove(comment);
            return;
        }

        comment.Status = StatusFor(action);
        comment.ModeratedAt = now;
        comment.ModeratedById = who.UserId;
    }

    private static CommentStatus StatusFor(ModerationAction action) => action switch
    {
        ModerationAction.Approve => CommentStatus.Approved,
        ModerationAction.Reject => CommentStatus.Rejected,
        ModerationAction.Spam => CommentStatus.Spam,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Delete has no status."),
    };
}
