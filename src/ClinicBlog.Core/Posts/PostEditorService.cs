using System.Globalization;
using ClinicBlog.Core.Audit;
using ClinicBlog.Core.Content;
using ClinicBlog.Core.Data;
using ClinicBlog.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClinicBlog.Core.Posts;

/// <summary>Creates and changes posts: validation, the publishing workflow, revisions, old-slug redirects
/// and optimistic concurrency. With review required, a save that changes what readers see of a live
/// post is kept as pending changes: readers keep the reviewed text until a reviewer signs off the new
/// one and an editor publishes it (<see cref="Reviews.PostReviewService"/>). Nothing a staff member typed
/// is ever dropped: a refused save returns the messages, a conflicting save the other version.</summary>
public sealed class PostEditorService(
    BlogDbContext db,
    PostContentWriter writer,
    IOptions<PostOptions> options,
    IAuditLog audit,
    TimeProvider clock,
    ILogger<PostEditorService> logger)
{
    public const string NeedsReviewMessage = "This post needs a medical reviewer’s sign-off of its current text before it can be published.";
    public const string ReviewerHasLoginMessage = "This clinician has a staff account: they review the text and sign it off themselves, on the post’s review page.";

    /// <summary>Saves the editor's form: load and authorize, validate, apply, then save with its audit
    /// entry in one transaction.</summary>
    public async Task<Result<int>> SaveAsync(StaffMember editor, int? postId, PostInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(editor);
        ArgumentNullException.ThrowIfNull(input);
        var now = clock.GetUtcNow().UtcDateTime;
        var (loaded, post, pending) = await LoadForEditAsync(editor, postId, cancellationToken);
        if (!loaded.Succeeded)
        {
            return loaded.As<int>();
        }

        var plan = await PlanAsync(editor, post, pending, input, now, cancellationToken);
        if (plan.Errors.Count > 0)
        {
            return Result.Invalid(plan.Errors).As<int>();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (saved, newPending, action) = await ApplyAsync(editor, post, pending, input, plan, now, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            // The editor shows the other version beside the typed one (PostAdminQuery.ConflictAsync).
            return Result.Conflict().As<int>();
        }

        if (newPending is not null)
        {
            saved.PendingRevisionId = newPending.Id;
            saved.PendingSinceRevisionId ??= newPending.Id;
        }

        audit.Record(action, editor.UserId, saved.Id);
        if (plan.Recorded is { } review)
        {
            // On the pending changes when the post still has some after this save, else on its own text.
            await RecordAsync(editor, saved, plan.GoesPending && saved.PendingRevisionId is not null ? newPending ?? pending : null, review, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Post {PostId} saved by staff {UserId} as {Status}{Pending}", saved.Id, editor.UserId, saved.Status, saved.PendingRevisionId is null ? "" : " with changes awaiting review");
        return Result.Of(saved.Id);
    }

    /// <summary>What a valid save will do, decided before anything changes.</summary>
    private sealed record SavePlan(
        PostContent Content, int? AuthorId, bool GoesPending, (int ReviewerId, DateTime ReviewedAt)? Recorded, Dictionary<string, string> Errors);

    /// <summary>The post being edited (none for a new one) with its pending changes, if this editor may edit it.</summary>
    private async Task<(Result Loaded, Post? Post, PostRevision? Pending)> LoadForEditAsync(
        StaffMember editor, int? postId, CancellationToken cancellationToken)
    {
        if (postId is not { } id)
        {
            return (Result.Success, null, null);
        }

        var post = await db.Posts.Include(p => p.Tags).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (post is null)
        {
            return (Result.NotFound, null, null);
        }

        return May(editor, PostOperation.Edit, post)
            ? (Result.Success, post, await PendingAsync(post, cancellationToken))
            : (Result.Forbidden(), null, null);
    }

    private async Task<SavePlan> PlanAsync(
        StaffMember editor, Post? post, PostRevision? pending, PostInput input, DateTime now, CancellationToken cancellationToken)
    {
        var content = Read(input);
        var errors = await ValidateAsync(editor, post, input, content, now, cancellationToken);
        var authorId = StaffPermissions.Publishes(editor) && input.AuthorId is { } chosen ? chosen : post?.AuthorId ?? editor.AuthorId;

        // Staying live with review required: the changes wait as pending changes; readers keep the reviewed text.
        var goesPending = post is not null && IsLive(post.Status) && IsLive(input.Status) && options.Value.RequireReview;
        var recorded = await ReadRecordedReviewAsync(editor, post, pending, input, content, goesPending, now, errors, cancellationToken);

        var goesPublic = IsLive(input.Status) && !(post is not null && IsLive(post.Status));
        var covered = recorded is not null || (post?.ReviewedContentHash is { } reviewed && reviewed == content.Fingerprint())
                      || (pending is { ReviewedAt: not null } && pending.Content(post!.Content()).SameTextAs(content));
        Require(errors, nameof(PostInput.Status), !(options.Value.RequireReview && goesPublic && !covered), NeedsReviewMessage);
        return new SavePlan(content, authorId, goesPending, recorded, errors);
    }

    /// <summary>Puts the planned change into the tracked post (a new one when there is none); saves nothing.</summary>
    private async Task<(Post Post, PostRevision? NewPending, AuditAction Action)> ApplyAsync(
        StaffMember editor, Post? post, PostRevision? pending, PostInput input, SavePlan plan, DateTime now, CancellationToken cancellationToken)
    {
        var isNew = post is null;
        var previousStatus = post?.Status;
        PostRevision? newPending = null;
        AuditAction action;
        if (post is null)
        {
            post = new Post { Title = plan.Content.Title, Slug = plan.Content.Slug, Body = string.Empty, BodyHtml = string.Empty, AuthorId = plan.AuthorId!.Value };
            db.Posts.Add(post);
            await writer.ReplaceContentAsync(post, plan.Content, editor.UserId, cancellationToken);
            action = AuditAction.PostCreated;
        }
        else
        {
            // The version the editor started from: saving over a newer one is a conflict, not a silent loss.
            db.Entry(post).Property(p => p.ConcurrencyStamp).OriginalValue = input.ConcurrencyStamp;
            (newPending, action) = plan.GoesPending
                ? SavePending(post, pending, plan.Content, editor.UserId, now)
                : (null, await ReplaceLiveAsync(editor, post, pending, plan.Content, cancellationToken));
        }

        post.AuthorId = plan.AuthorId!.Value;
        post.CommentsOpen = input.CommentsOpen;
        ApplyStatus(post, input, now);
        if (previousStatus != post.Status && !(isNew && post.Status == PostStatus.Draft))
        {
            action = AuditAction.PostMovedTo(post.Status);
        }

        return (post, newPending, action);
    }

    /// <summary>Not (or no longer) live, or review not required: the text goes straight into the post;
    /// pending changes are folded in, with their sign-off when it covers this very text.</summary>
    private async Task<AuditAction> ReplaceLiveAsync(
        StaffMember editor, Post post, PostRevision? pending, PostContent content, CancellationToken cancellationToken)
    {
        if (pending is { ReviewerId: { } signer, ReviewedAt: { } signedAt } && pending.Content(post.Content()).SameTextAs(content))
        {
            post.ReviewerId = signer;
            post.ReviewedAt = signedAt;
            post.ReviewedContentHash = content.Fingerprint();
        }

        await writer.ReplaceContentAsync(post, content, editor.UserId, cancellationToken);
        post.PendingRevisionId = null;
        post.PendingSinceRevisionId = null;
        return AuditAction.PostUpdated;
    }

    /// <summary>An author asks for review and publication.</summary>
    public async Task<Result> SubmitForReviewAsync(StaffMember editor, int postId, CancellationToken cancellationToken)
    {
        var post = await db.Posts.SingleOrDefaultAsync(p => p.Id == postId, cancellationToken);
        if (post is null)
        {
            return Result.NotFound;
        }

        if (!May(editor, PostOperation.Edit, post))
        {
            return Result.Forbidden();
        }

        post.SubmittedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(AuditAction.PostSubmitted, editor.UserId, postId);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }

    /// <summary>Puts an earlier version back; the version it replaces stays a revision. On a live post
    /// with review required, the earlier version becomes the pending changes.</summary>
    public async Task<Result> RestoreRevisionAsync(StaffMember editor, int postId, int revisionId, CancellationToken cancellationToken)
    {
        var post = await db.Posts.Include(p => p.Tags).SingleOrDefaultAsync(p => p.Id == postId, cancellationToken);
        var revision = await db.PostRevisions.AsNoTracking().SingleOrDefaultAsync(r => r.Id == revisionId && r.PostId == postId, cancellationToken);
        if (post is null || revision is null)
        {
            return Result.NotFound;
        }

        if (!May(editor, PostOperation.Edit, post))
        {
            return Result.Forbidden();
        }

        var pending = await PendingAsync(post, cancellationToken);
        var content = revision.Content(post.Content());
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        PostRevision? newPending = null;
        if (IsLive(post.Status) && options.Value.RequireReview)
        {
            (newPending, _) = SavePending(post, pending, content, editor.UserId, clock.GetUtcNow().UtcDateTime);
        }
        else
        {
            await writer.ReplaceContentAsync(post, content, editor.UserId, cancellationToken);
            post.PendingRevisionId = null;
            post.PendingSinceRevisionId = null;
        }

        await db.SaveChangesAsync(cancellationToken);
        if (newPending is not null)
        {
            post.PendingRevisionId = newPending.Id;
            post.PendingSinceRevisionId ??= newPending.Id;
        }

        audit.Record(AuditAction.PostRevisionRestored, editor.UserId, postId, $"revision {revisionId}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result.Success;
    }

    /// <summary>Deletes a post with its comments, revisions and redirects. Authors may delete only their own drafts.</summary>
    public async Task<Result> DeleteAsync(StaffMember editor, int postId, CancellationToken cancellationToken)
    {
        var post = await db.Posts.SingleOrDefaultAsync(p => p.Id == postId, cancellationToken);
        if (post is null)
        {
            return Result.NotFound;
        }

        if (!May(editor, PostOperation.Delete, post))
        {
            return Result.Forbidden();
        }

        db.Posts.Remove(post);
        audit.Record(AuditAction.PostDeleted, editor.UserId, postId, post.Slug);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }

    private static bool May(StaffMember editor, PostOperation operation, Post post) =>
        StaffPermissions.Allows(editor, operation, new PostFacts(post.AuthorId, post.Status));

    /// <summary>The reviewer and date the editor's form shows: the sign-off of the text being edited (the
    /// pending changes, or the post's own text while its review covers it), else none.</summary>
    public static (int? ReviewerId, DateTime? ReviewedAt) ReviewShownInEditor(Post post, PostRevision? pending)
    {
        ArgumentNullException.ThrowIfNull(post);
        return pending is not null ? (pending.ReviewerId, pending.ReviewedAt)
            : post.ReviewCoversLiveText ? (post.ReviewerId, post.ReviewedAt)
            : (null, null);
    }

    /// <summary>Published, or scheduled: readers see it (or will, at its time).</summary>
    public static bool IsLive(PostStatus status) => status is PostStatus.Published or PostStatus.Scheduled;

    /// <summary>The post's pending changes, if it has any.</summary>
    private Task<PostRevision?> PendingAsync(Post post, CancellationToken cancellationToken) =>
        post.PendingRevisionId is { } pendingId
            ? db.PostRevisions.SingleOrDefaultAsync(r => r.Id == pendingId && r.PostId == post.Id, cancellationToken)
            : Task.FromResult<PostRevision?>(null);

    /// <summary>Keeps <paramref name="content"/> as the live post's pending changes: a new revision when
    /// it differs from what is already pending, none when it is what readers already see (the changes
    /// are then withdrawn). Returns the new revision (saved by the caller) and the audit action.</summary>
    private (PostRevision? NewPending, AuditAction Action) SavePending(Post post, PostRevision? pending, PostContent content, string userId, DateTime now)
    {
        var live = post.Content();
        if (content.SameTextAs(live) && content.Slug == live.Slug)
        {
            var withdrawn = post.PendingRevisionId is not null;
            post.PendingRevisionId = null;
            post.PendingSinceRevisionId = null;
            return (null, withdrawn ? AuditAction.PostChangesWithdrawn : AuditAction.PostUpdated);
        }

        var current = pending?.Content(live);
        if (current is not null && current.SameTextAs(content) && current.Slug == content.Slug)
        {
            return (null, AuditAction.PostUpdated);
        }

        var revision = PostRevision.Of(post.Id, content, now, userId);
        db.PostRevisions.Add(revision);
        post.TextChangedAt = now;
        return (revision, AuditAction.PostChangesSaved);
    }

    private static PostContent Read(PostInput input)
    {
        var title = TextCleaning.Line(input.Title);
        var slug = string.IsNullOrWhiteSpace(input.Slug) ? SlugGenerator.Generate(title) : input.Slug.Trim();
        var summary = TextCleaning.Line(input.Summary);
        var cover = TextCleaning.Line(input.CoverImage);
        return new PostContent(
            title, slug, summary.Length == 0 ? null : summary, TextCleaning.Block(input.Body),
            PostContent.SplitTags(TextCleaning.Line(input.Tags)), cover.Length == 0 ? null : cover);
    }

    private async Task<Dictionary<string, string>> ValidateAsync(
        StaffMember editor, Post? post, PostInput input, PostContent content, DateTime now, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        Require(errors, nameof(PostInput.Title), content.Title.Length > 0, "Give the post a title.");
        Require(errors, nameof(PostInput.Title), content.Title.Length <= Post.TitleMaxLength, $"A title can be at most {Post.TitleMaxLength} characters.");
        Require(errors, nameof(PostInput.Summary), (content.Summary?.Length ?? 0) <= Post.SummaryMaxLength, $"A summary can be at most {Post.SummaryMaxLength} characters.");
        Require(errors, nameof(PostInput.Body), content.Body.Trim().Length > 0, "Write the post’s text.");
        Require(errors, nameof(PostInput.Body), content.Body.Length <= Post.BodyMaxLength, string.Create(CultureInfo.InvariantCulture, $"The text can be at most {Post.BodyMaxLength:N0} characters."));
        Require(errors, nameof(PostInput.Slug), SlugGenerator.IsValid(content.Slug),
            "Use lower-case letters, digits and single hyphens, such as what-is-ketamine (at most 120 characters).");
        var postId = post?.Id ?? 0;
        if (!errors.ContainsKey(nameof(PostInput.Slug)))
        {
            // Another post's live address, or the address another post's pending changes would take.
            var taken = await db.Posts.AnyAsync(p => p.Slug == content.Slug && p.Id != postId, cancellationToken)
                        || await db.Posts.AnyAsync(p => p.Id != postId && db.PostRevisions.Any(r => r.Id == p.PendingRevisionId && r.Slug == content.Slug), cancellationToken);
            Require(errors, nameof(PostInput.Slug), !taken, $"Another post already uses the address /posts/{content.Slug}. Choose another slug.");
        }

        Require(errors, nameof(PostInput.Tags), content.Tags.Count <= 10, "Use at most 10 tags.");
        Require(errors, nameof(PostInput.Tags), content.Tags.All(t => t.Length <= Tag.NameMaxLength && SlugGenerator.Generate(t).Length > 0),
            $"Each tag needs a letter or digit and at most {Tag.NameMaxLength} characters.");

        var authorId = StaffPermissions.Publishes(editor) && input.AuthorId is { } chosen ? chosen : post?.AuthorId ?? editor.AuthorId;
        if (authorId is null || !await db.Authors.AnyAsync(a => a.Id == authorId, cancellationToken))
        {
            errors[nameof(PostInput.AuthorId)] = "Choose the author the post is published under.";
        }

        ValidateStatus(editor, post, input, now, errors);
        if (content.CoverImage is { } cover && !await db.MediaFiles.AnyAsync(m => m.FileName == cover, cancellationToken))
        {
            errors[nameof(PostInput.CoverImage)] = "Choose a cover image from the uploaded images.";
        }

        return errors;
    }

    /// <summary>A sign-off an editor records for a clinician without a login: the reviewer must have
    /// credentials and no staff account (those sign off themselves), and the date can be neither in the
    /// future nor before the text's last change. Null when the form records none (or the same as before).</summary>
    private async Task<(int ReviewerId, DateTime ReviewedAt)?> ReadRecordedReviewAsync(
        StaffMember editor, Post? post, PostRevision? pending, PostInput input, PostContent content, bool goesPending, DateTime now,
        Dictionary<string, string> errors, CancellationToken cancellationToken)
    {
        if (!StaffPermissions.Publishes(editor) || input.ReviewerId is not { } reviewerId)
        {
            return null;
        }

        // Kept as the form showed it: nothing new is recorded.
        var shown = post is null ? (null, null) : ReviewShownInEditor(post, pending);
        var day = (input.ReviewedAt ?? now).Date;
        if (reviewerId == shown.ReviewerId && day == shown.ReviewedAt?.Date)
        {
            return null;
        }

        var reviewer = await db.Authors.AsNoTracking().Where(a => a.Id == reviewerId)
            .Select(a => new { a.Credentials, HasLogin = db.Users.Any(u => u.AuthorId == a.Id) })
            .SingleOrDefaultAsync(cancellationToken);
        if (reviewer is null || string.IsNullOrWhiteSpace(reviewer.Credentials))
        {
            errors[nameof(PostInput.ReviewerId)] = "The medical reviewer must be an author with credentials.";
            return null;
        }

        if (reviewer.HasLogin)
        {
            errors[nameof(PostInput.ReviewerId)] = ReviewerHasLoginMessage;
            return null;
        }

        if (day > now.Date)
        {
            errors[nameof(PostInput.ReviewedAt)] = "A review date cannot be in the future.";
            return null;
        }

        var lastChange = LastTextChange(post, pending, content, goesPending, now);
        if (day < lastChange.Date)
        {
            errors[nameof(PostInput.ReviewedAt)] = $"The text last changed on {lastChange:d MMMM yyyy}: a review date cannot be earlier.";
            return null;
        }

        return (reviewerId, input.ReviewedAt ?? now);
    }

    /// <summary>When the text a recorded review would cover last changed: now, when this save changes it.</summary>
    private static DateTime LastTextChange(Post? post, PostRevision? pending, PostContent content, bool goesPending, DateTime now)
    {
        if (post is null)
        {
            return now;
        }

        var live = post.Content();
        var current = goesPending && pending is not null ? pending.Content(live) : live;
        if (!current.SameTextAs(content))
        {
            return now;
        }

        return goesPending && pending is not null ? pending.CreatedAt : post.TextChangedAt ?? post.UpdatedAt;
    }

    /// <summary>Writes a recorded sign-off on the pending changes it covers, or on the post's own text.</summary>
    private async Task RecordAsync(StaffMember editor, Post post, PostRevision? pending, (int ReviewerId, DateTime ReviewedAt) review, CancellationToken cancellationToken)
    {
        if (pending is not null)
        {
            pending.ReviewerId = review.ReviewerId;
            pending.ReviewedAt = review.ReviewedAt;
            pending.SignedOffById = editor.UserId;
            // A post scheduled for later takes signed-off changes now: readers first see them at its time.
            if (post.Status == PostStatus.Scheduled && post.PublishedAt > clock.GetUtcNow().UtcDateTime)
            {
                await writer.PublishPendingAsync(post, pending, editor.UserId, cancellationToken);
                audit.Record(AuditAction.PostChangesPublished, editor.UserId, post.Id, "scheduled post: they go live at its time");
            }
        }
        else
        {
            writer.RecordReview(post, review.ReviewerId, review.ReviewedAt, editor.UserId);
        }

        var name = await db.Authors.Where(a => a.Id == review.ReviewerId).Select(a => a.DisplayName + ", " + a.Credentials).SingleAsync(cancellationToken);
        audit.Record(AuditAction.PostReviewRecorded, editor.UserId, post.Id, $"{name} on {review.ReviewedAt:yyyy-MM-dd}" + (pending is null ? string.Empty : $", pending revision {pending.Id}"));
    }

    private static void ValidateStatus(StaffMember editor, Post? post, PostInput input, DateTime now, Dictionary<string, string> errors)
    {
        if (!Enum.IsDefined(input.Status))
        {
            errors[nameof(PostInput.Status)] = "Choose a status.";
            return;
        }

        var changes = post?.Status != input.Status;
        var publisherOnly = input.Status is PostStatus.Published or PostStatus.Scheduled or PostStatus.Archived;
        if (changes && publisherOnly && !StaffPermissions.Publishes(editor))
        {
            errors[nameof(PostInput.Status)] = "Only an editor or an admin can publish, schedule or archive. Save it as a draft and submit it for review.";
            return;
        }

        if (input.Status == PostStatus.Scheduled && (input.PublishAt is not { } at || at <= now))
        {
            errors[nameof(PostInput.PublishAt)] = "A scheduled post needs a publish time in the future (UTC).";
        }

        if (input.Status == PostStatus.Published && input.PublishAt > now.AddMinutes(1))
        {
            errors[nameof(PostInput.PublishAt)] = "That time is in the future: choose Scheduled to publish it then.";
        }
    }

    private static void ApplyStatus(Post post, PostInput input, DateTime now)
    {
        post.Status = input.Status;
        switch (input.Status)
        {
            case PostStatus.Published:
                post.PublishedAt = input.PublishAt ?? (post.PublishedAt is { } at && at <= now ? at : now);
                post.SubmittedAt = null;
                break;
            case PostStatus.Scheduled:
                post.PublishedAt = input.PublishAt;
                post.SubmittedAt = null;
                break;
        }
    }

    private static void Require(Dictionary<string, string> errors, string field, bool ok, string message)
    {
        if (!ok && !errors.ContainsKey(field))
        {
            errors[field] = message;
        }
    }
}
