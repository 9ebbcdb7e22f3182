using System.ComponentModel.DataAnnotations;
using System.Globalization;
using ClinicBlog.Core.Content;
using ClinicBlog.Core.Data;
using ClinicBlog.Core.Posts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClinicBlog.Core.Comments;

/// <summary>Takes a reader's comment: validates it, applies the spam and safety rules, and stores it
/// for moderation. Nothing a reader writes is ever shown before staff approve it.</summary>
public sealed class CommentSubmissionService(
    BlogDbContext db,
    MarkdownRenderer renderer,
    CommenterIpHasher ipHasher,
    IOptions<CommentOptions> options,
    TimeProvider clock,
    Notifications.NotificationSignal notifications,
    ILogger<CommentSubmissionService> logger)
{
    public const string ClosedMessage = "Comments are closed for this article.";
    public const string DuplicateMessage = "You already posted this comment a moment ago. It is waiting for moderation.";

    public async Task<CommentSubmissionResult> SubmitAsync(CommentSubmission submission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var now = clock.GetUtcNow().UtcDateTime;
        var post = await db.Posts.AsNoTracking()
            .Where(PostVisibility.VisibleAt(now))
            .Where(p => p.Slug == submission.PostSlug)
            .Select(p => new { p.Id, p.CommentsOpen, p.PublishedAt })
            .SingleOrDefaultAsync(cancellationToken);
        if (post is null)
        {
            return CommentSubmissionResult.Fail(CommentSubmissionOutcome.PostNotFound, string.Empty, "That article does not exist.");
        }

        if (!CommentsAreOpen(post.CommentsOpen, post.PublishedAt, now, options.Value))
        {
            return CommentSubmissionResult.Fail(CommentSubmissionOutcome.Closed, string.Empty, ClosedMessage);
        }

        var text = new CommentText(Clean(submission.Name).ReplaceLineEndings(" "), Clean(submission.Email), Clean(submission.Body));
        var refused = await ValidateAsync(post.Id, submission.ParentId, text, now, cancellationToken);
        return refused ?? await StoreAsync(post.Id, submission, text, now, cancellationToken);
    }

    /// <summary>The cleaned fields of a submission.</summary>
    private sealed record CommentText(string Name, string Email, string Body);

    /// <summary>Null when the comment may be stored; else why not, per field.</summary>
    private async Task<CommentSubmissionResult?> ValidateAsync(int postId, int? parentId, CommentText text, DateTime now, CancellationToken cancellationToken)
    {
        var errors = Validate(text.Name, text.Email, text.Body);
        if (parentId is { } parent && !await IsReplyableAsync(postId, parent, cancellationToken))
        {
            errors["ParentId"] = "You can only reply to a published comment on this article, and not to a reply.";
        }

        if (errors.Count > 0)
        {
            return new CommentSubmissionResult(CommentSubmissionOutcome.Invalid, errors);
        }

        var since = now.AddMinutes(-options.Value.DuplicateWindowMinutes);
        return await db.Comments.AnyAsync(c => c.PostId == postId && c.CreatedAt >= since && c.Body == text.Body, cancellationToken)
            ? CommentSubmissionResult.Fail(CommentSubmissionOutcome.Duplicate, "Body", DuplicateMessage)
            : null;
    }

    /// <summary>Screens and stores a valid comment (Pending, Spam, or urgent in the queue) and wakes the
    /// notification sender for an urgent one.</summary>
    private async Task<CommentSubmissionResult> StoreAsync(
        int postId, CommentSubmission submission, CommentText text, DateTime now, CancellationToken cancellationToken)
    {
        var ipHash = ipHasher.Hash(submission.RemoteIp);
        var email = string.IsNullOrEmpty(text.Email) ? null : text.Email;
        var banned = await IsBannedAsync(email?.ToLowerInvariant(), ipHash, now, cancellationToken);
        var verdict = CommentScreening.Screen(text.Name, text.Body, !string.IsNullOrEmpty(submission.Honeypot), banned, options.Value);
        var comment = new Comment
        {
            PostId = postId,
            ParentId = submission.ParentId,
            AuthorName = text.Name,
            AuthorEmail = email,
            Body = text.Body,
            BodyHtml = renderer.RenderComment(text.Body),
            Status = verdict.Status,
            IsUrgent = verdict.IsUrgent,
            ModerationReason = verdict.ReasonText,
            IpHash = ipHash,
            // A banned sender's comment (even an urgent one, which stays in the queue) never sets off an
            // email: counted as already considered, the notification planner passes it by.
            HeldNotifiedAt = banned ? now : null,
        };
        db.Comments.Add(comment);
        await db.SaveChangesAsync(cancellationToken);

        if (comment.IsUrgent && !banned)
        {
            logger.LogWarning("Urgent comment {CommentId} on post {PostId} is waiting for a moderator", comment.Id, postId);
            notifications.Wake();
        }
        else
        {
            logger.LogInformation("Comment {CommentId} on post {PostId} stored as {Status}", comment.Id, postId, comment.Status);
        }

        return new CommentSubmissionResult(CommentSubmissionOutcome.Accepted, new Dictionary<string, string>(), comment.Id);
    }

    private Task<bool> IsBannedAsync(string? normalizedEmail, string? ipHash, DateTime now, CancellationToken cancellationToken) =>
        db.CommenterBans.AnyAsync(
            b => (b.ExpiresAt == null || b.ExpiresAt > now)
                 && ((normalizedEmail != null && b.Email == normalizedEmail) || (ipHash != null && b.IpHash == ipHash)),
            cancellationToken);

    /// <summary>True while a post takes comments: open on the post, and not past the automatic closing age.</summary>
    public static bool CommentsAreOpen(bool openOnPost, DateTime? publishedAt, DateTime now, CommentOptions settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return openOnPost
            && (settings.CloseAfterDays is not { } days || publishedAt is null || publishedAt.Value.AddDays(days) > now);
    }

    private Task<bool> IsReplyableAsync(int postId, int parentId, CancellationToken cancellationToken) =>
        db.Comments.AnyAsync(
            c => c.Id == parentId && c.PostId == postId && c.ParentId == null && c.Status == CommentStatus.Approved,
            cancellationToken);

    private static Dictionary<string, string> Validate(string name, string email, string body)
    {
        var errors = new Dictionary<string, string>();
        if (name.Length == 0)
        {
            errors["Name"] = "Enter your name (a first name or a nickname is fine).";
        }
        else if (name.Length > CommentOptions.MaxNameLength)
        {
            errors["Name"] = string.Create(CultureInfo.InvariantCulture, $"Your name can be at most {CommentOptions.MaxNameLength} characters; it is {name.Length}.");
        }

        if (email.Length > 0 && (email.Length > CommentOptions.MaxEmailLength || !new EmailAddressAttribute().IsValid(email)
                                 || !System.Net.Mail.MailAddress.TryCreate(email, out var parsed) || parsed.Address != email
                                 || !parsed.Host.Contains('.', StringComparison.Ordinal)))
        {
            errors["Email"] = "Enter an email address such as name@example.org, or leave it empty.";
        }

        if (body.Length == 0)
        {
            errors["Body"] = "Write your comment.";
        }
        else if (body.Length > CommentOptions.MaxBodyLength)
        {
            errors["Body"] = string.Create(CultureInfo.InvariantCulture, $"Your comment can be at most {CommentOptions.MaxBodyLength:N0} characters; it is {body.Length:N0}. Please shorten it.");
        }

        return errors;
    }

    /// <summary>Trims, normalizes line endings and drops control characters (null bytes and the like),
    /// which no person means to type and which only break things further along.</summary>
    internal static string Clean(string? value) => TextCleaning.Block(value).Trim();
}
