using ClinicBlog.Core.Audit;
using ClinicBlog.Core.Data;
using ClinicBlog.Core.Posts;
using ClinicBlog.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ClinicBlog.Core.Reviews;

/// <summary>Medical review as a state of the text: a reviewer signs off exactly the text they were shown
/// (its fingerprint comes back with the form), never their own words; an Editor or Admin then publishes
/// signed-off pending changes, which puts the text, its "Last updated" and its review line live together.</summary>
public sealed class PostReviewService(
    BlogDbContext db,
    PostContentWriter writer,
    IAuditLog audit,
    TimeProvider clock,
    ILogger<PostReviewService> logger)
{
    public const string OwnPostMessage = "You wrote this post: another clinician reviews it.";
    public const string OwnChangesMessage = "You made some of these changes: another clinician reviews them.";
    public const string NoCredentialsMessage = "Add your credentials to your author profile before signing off medical content.";
    public const string NotReviewerMessage = "A reviewer (a clinician with a staff account) signs off medical content.";
    public const string NotSignedOffMessage = "A reviewer must sign off these changes before they are published.";
    public const string ChangedMessage = "The changes were edited again after this page was opened: here they are as they are now.";
    public const string TextChangedMessage = "The text changed after you opened this page, so nothing was signed off. Here are the changes as they are now: read them, then sign off again.";

    public async Task<ReviewPage?> PageAsync(StaffMember editor, int postId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(editor);
        var (post, pending) = await LoadAsync(postId, cancellationToken);
        if (post is null)
        {
            return null;
        }

        var live = post.Content();
        var candidate = pending?.Content(live) ?? live;
        var (baseContent, baseReviewer, baseReviewedAt) = await SignedOffAsync(post, pending, cancellationToken);
        var cannot = await WhyNotAsync(editor, post, pending, cancellationToken);
        var signer = pending is { ReviewerId: { } id } ? await NameAsync(id, cancellationToken)
            : pending is null && post.ReviewCoversLiveText && post.ReviewerId is { } own ? await NameAsync(own, cancellationToken) : null;
        return new ReviewPage(post.Id, post.Title, post.Status, candidate, ReviewDiff.Between(baseContent, candidate))
        {
            PendingRevisionId = pending?.Id,
            Fingerprint = candidate.Fingerprint(),
            BaseReviewer = baseReviewer,
            BaseReviewedAt = baseReviewedAt,
            SignedOffBy = signer,
            SignedOffAt = signer is null ? null : pending?.ReviewedAt ?? post.ReviewedAt,
            CanSignOff = cannot is null,
            CannotSignOff = cannot,
            CanPublish = StaffPermissions.Publishes(editor) && pending is not null && IsCovered(post, pending),
            CanDiscard = StaffPermissions.Publishes(editor) && pending is not null,
        };
    }

    /// <summary>Signs off the text under review if it is still the text with <paramref name="fingerprint"/>.
    /// A post scheduled for later takes signed-off changes at once: readers first see them at its time.</summary>
    public async Task<Result> SignOffAsync(StaffMember editor, int postId, string? fingerprint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(editor);
        if (!StaffPermissions.IsReviewer(editor) || editor.AuthorId is not { } reviewerId)
        {
            return Result.Forbidden(NotReviewerMessage);
        }

        // One write transaction from reading the text to signing it: nothing can change in between.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (post, pending) = await LoadAsync(postId, cancellationToken);
        if (post is null)
        {
            return Result.NotFound;
        }

        if (await WhyNotAsync(editor, post, pending, cancellationToken) is { } reason)
        {
            return Result.Forbidden(reason);
        }

        var candidate = pending?.Content(post.Content()) ?? post.Content();
        if (candidate.Fingerprint() != fingerprint)
        {
            audit.Record(AuditAction.PostReviewRefused, editor.UserId, post.Id, "the text changed after the review page was opened");
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("Sign-off of post {PostId} refused: the text changed after the reviewer opened it", post.Id);
            return Result.Conflict(TextChangedMessage);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (pending is not null)
        {
            pending.ReviewerId = reviewerId;
            pending.ReviewedAt = now;
            pending.SignedOffById = editor.UserId;
            audit.Record(AuditAction.PostReviewed, editor.UserId, post.Id, $"pending revision {pending.Id}");
            if (post.Status == PostStatus.Scheduled && post.PublishedAt > now)
            {
                await writer.PublishPendingAsync(post, pending, editor.UserId, cancellationToken);
                audit.Record(AuditAction.PostChangesPublished, editor.UserId, post.Id, "scheduled post: they go live at its time");
            }
        }
        else
        {
            writer.RecordReview(post, reviewerId, now, editor.UserId);
            audit.Record(AuditAction.PostReviewed, editor.UserId, post.Id, "the post's text");
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Post {PostId} signed off by staff {UserId}", post.Id, editor.UserId);
        return Result.Success;
    }

    /// <summary>Puts signed-off pending changes live (Editors and Admins), if they are still the revision
    /// the page showed: the text, "Last updated" and the review line change together, in one transaction.</summary>
    public Task<Result> PublishChangesAsync(StaffMember editor, int postId, int? revisionId, CancellationToken cancellationToken) =>
        OnPendingChangesAsync(editor, postId, revisionId, async (post, pending) =>
        {
            if (!IsCovered(post, pending))
            {
                return Result.Invalid(string.Empty, NotSignedOffMessage);
            }

            await writer.PublishPendingAsync(post, pending, editor.UserId, cancellationToken);
            audit.Record(AuditAction.PostChangesPublished, editor.UserId, post.Id, $"revision {pending.Id}");
            logger.LogInformation("Pending changes of post {PostId} published by staff {UserId}", post.Id, editor.UserId);
            return Result.Success;
        }, cancellationToken);

    /// <summary>Drops pending changes (Editors and Admins); their text stays in the revisions.</summary>
    public Task<Result> DiscardChangesAsync(StaffMember editor, int postId, int? revisionId, CancellationToken cancellationToken) =>
        OnPendingChangesAsync(editor, postId, revisionId, (post, pending) =>
        {
            post.PendingRevisionId = null;
            post.PendingSinceRevisionId = null;
            audit.Record(AuditAction.PostChangesDiscarded, editor.UserId, post.Id, $"revision {pending.Id}");
            return Task.FromResult(Result.Success);
        }, cancellationToken);

    /// <summary>Runs an Editor's or Admin's decision on the pending changes the page showed (by revision)
    /// in one write transaction, and saves it when it is done.</summary>
    private async Task<Result> OnPendingChangesAsync(
        StaffMember editor, int postId, int? revisionId, Func<Post, PostRevision, Task<Result>> decide, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(editor);
        if (!StaffPermissions.Publishes(editor))
        {
            return Result.Forbidden();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (post, pending) = await LoadAsync(postId, cancellationToken);
        if (post is null || pending is null)
        {
            return Result.NotFound;
        }

        if (pending.Id != revisionId)
        {
            return Result.Conflict(ChangedMessage);
        }

        var result = await decide(post, pending);
        if (result.Succeeded)
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return result;
    }

    /// <summary>Pending changes may go live once signed off, or when their text is the one already
    /// signed off (only the address changed).</summary>
    private static bool IsCovered(Post post, PostRevision pending) =>
        pending.ReviewedAt is not null || (post.ReviewedContentHash is { } reviewed && reviewed == pending.Content(post.Content()).Fingerprint());

    private async Task<(Post? Post, PostRevision? Pending)> LoadAsync(int postId, CancellationToken cancellationToken)
    {
        var post = await db.Posts.Include(p => p.Tags).SingleOrDefaultAsync(p => p.Id == postId, cancellationToken);
        var pending = post?.PendingRevisionId is { } pendingId
            ? await db.PostRevisions.SingleOrDefaultAsync(r => r.Id == pendingId && r.PostId == postId, cancellationToken)
            : null;
        return (post, pending);
    }

    /// <summary>The text last signed off, to show the changes against: the live text while its review
    /// covers it, else the newest signed-off revision; null when nothing was ever signed off.</summary>
    private async Task<(PostContent? Content, string? Reviewer, DateTime? ReviewedAt)> SignedOffAsync(Post post, PostRevision? pending, CancellationToken cancellationToken)
    {
        if (post.ReviewCoversLiveText)
        {
            return (post.Content(), post.ReviewerId is { } id ? await NameAsync(id, cancellationToken) : null, post.ReviewedAt);
        }

        var last = await db.PostRevisions.AsNoTracking()
            .Where(r => r.PostId == post.Id && r.ReviewedAt != null && r.Id != (pending == null ? 0 : pending.Id))
            .OrderByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        return last is null
            ? (null, null, null)
            : (last.Content(post.Content()), last.ReviewerId is { } reviewer ? await NameAsync(reviewer, cancellationToken) : null, last.ReviewedAt);
    }

    /// <summary>Why this staff member may not sign the text off, or null when they may.</summary>
    private async Task<string?> WhyNotAsync(StaffMember editor, Post post, PostRevision? pending, CancellationToken cancellationToken)
    {
        if (!StaffPermissions.IsReviewer(editor) || editor.AuthorId is null)
        {
            return NotReviewerMessage;
        }

        if (!await db.Authors.AnyAsync(a => a.Id == editor.AuthorId && a.Credentials != null && a.Credentials != "", cancellationToken))
        {
            return NoCredentialsMessage;
        }

        if (post.AuthorId == editor.AuthorId)
        {
            return OwnPostMessage;
        }

        if (pending is not null && post.PendingSinceRevisionId is { } since
            && await db.PostRevisions.AnyAsync(r => r.PostId == post.Id && r.Id >= since && r.Id <= pending.Id && r.CreatedById == editor.UserId, cancellationToken))
        {
            return OwnChangesMessage;
        }

        return null;
    }

    private Task<string> NameAsync(int authorId, CancellationToken cancellationToken) =>
        db.Authors.AsNoTracking().Where(a => a.Id == authorId)
            .Select(a => a.Credentials == null || a.Credentials == "" ? a.DisplayName : a.DisplayName + ", " + a.Credentials)
            .SingleAsync(cancellationToken);
}
