using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ClinicBlog.Core.Audit;
using ClinicBlog.Core.Content;
using ClinicBlog.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClinicBlog.Core.Posts;

/// <summary>Creates and changes posts: validation, the publishing workflow, medical review, revisions,
/// old-slug redirects and optimistic concurrency. Nothing a staff member typed is ever dropped: a refused
/// save returns the messages, and a conflicting save returns the other version.</summary>
public sealed class PostEditorService(
    BlogDbContext db,
    MarkdownRenderer renderer,
    IOptions<PostOptions> options,
    IPublicContentCache cache,
    TimeProvider clock,
    ILogger<PostEditorService> logger)
{
    public const string NeedsReviewMessage = "This post needs a medical reviewer’s sign-off of its current text before it can be published.";

    public async Task<PostSaveResult> SaveAsync(PostEditor editor, int? postId, PostInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(editor);
        ArgumentNullException.ThrowIfNull(input);
        var now = clock.GetUtcNow().UtcDateTime;

        Post? post = null;
        if (postId is { } id)
        {
            post = await db.Posts.Include(p => p.Tags).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
            if (post is null)
            {
                return PostSaveResult.Of(PostSaveOutcome.NotFound);
            }

            if (!CanEdit(editor, post))
            {
                return PostSaveResult.Of(PostSaveOutcome.Forbidden);
            }
        }

        var title = Clean(input.Title);
        var body = TextCleaning.Block(input.Body);
        var summary = Clean(input.Summary);
        var slug = string.IsNullOrWhiteSpace(input.Slug) ? SlugGenerator.Generate(title) : input.Slug.Trim();
        var tagNames = Clean(input.Tags).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var errors = new Dictionary<string, string>();

        Require(errors, nameof(PostInput.Title), title.Length > 0, "Give the post a title.");
        Require(errors, nameof(PostInput.Title), title.Length <= 200, "A title can be at most 200 characters.");
        Require(errors, nameof(PostInput.Summary), summary.Length <= 500, "A summary can be at most 500 characters.");
        Require(errors, nameof(PostInput.Body), body.Trim().Length > 0, "Write the post’s text.");
        Require(errors, nameof(PostInput.Body), body.Length <= 200_000, "The text can be at most 200,000 characters.");
        Require(errors, nameof(PostInput.Slug), SlugGenerator.IsValid(slug),
            "Use lower-case letters, digits and single hyphens, such as what-is-ketamine (at most 120 characters).");
        if (!errors.ContainsKey(nameof(PostInput.Slug)) && await db.Posts.AnyAsync(p => p.Slug == slug && p.Id != (postId ?? 0), cancellationToken))
        {
            errors[nameof(PostInput.Slug)] = $"Another post already uses the address /posts/{slug}. Choose another slug.";
        }

        Require(errors, nameof(PostInput.Tags), tagNames.Count <= 10, "Use at most 10 tags.");
        Require(errors, nameof(PostInput.Tags), tagNames.All(t => t.Length <= 60 && SlugGenerator.Generate(t).Length > 0),
            "Each tag needs a letter or digit and at most 60 characters.");

        var authorId = editor.CanEditAll && input.AuthorId is { } chosen ? chosen : post?.AuthorId ?? editor.AuthorId;
        if (authorId is null || !await db.Authors.AnyAsync(a => a.Id == authorId, cancellationToken))
        {
            errors[nameof(PostInput.AuthorId)] = "Choose the author the post is published under.";
        }

        ValidateStatus(editor, post, input, now, errors);

        var coverName = Clean(input.CoverImage);
        var cover = coverName.Length == 0 ? null : await db.MediaFiles.AsNoTracking().SingleOrDefaultAsync(m => m.FileName == coverName, cancellationToken);
        if (coverName.Length > 0 && cover is null)
        {
            errors[nameof(PostInput.CoverImage)] = "Choose a cover image from the uploaded images.";
        }

        // A reviewer and date set by an editor (for instance a physician without a login).
        var manualReview = editor.CanEditAll && input.ReviewerId is not null
                           && (input.ReviewerId != post?.ReviewerId || input.ReviewedAt?.Date != post?.ReviewedAt?.Date);
        if (manualReview && !await db.Authors.AnyAsync(a => a.Id == input.ReviewerId && a.Credentials != null && a.Credentials != "", cancellationToken))
        {
            errors[nameof(PostInput.ReviewerId)] = "The medical reviewer must be an author with credentials.";
        }

        if (manualReview && input.ReviewedAt is { } reviewedAt && reviewedAt > now)
        {
            errors[nameof(PostInput.ReviewedAt)] = "A review date cannot be in the future.";
        }

        var bodyHash = Hash(body);
        var reviewedHash = manualReview ? bodyHash : post?.ReviewedBodyHash;
        var goesPublic = input.Status is PostStatus.Published or PostStatus.Scheduled;
        var wasPublic = post?.Status is PostStatus.Published or PostStatus.Scheduled;
        Require(errors, nameof(PostInput.Status), !(options.Value.RequireReview && goesPublic && !wasPublic && reviewedHash != bodyHash), NeedsReviewMessage);

        if (errors.Count > 0)
        {
            return new PostSaveResult(PostSaveOutcome.Invalid, errors);
        }

        var isNew = post is null;
        var previousStatus = post?.Status;
        if (post is null)
        {
            post = new Post { Title = title, Slug = slug, Body = body, BodyHtml = string.Empty, AuthorId = authorId!.Value };
            db.Posts.Add(post);
        }
        else
        {
            // The version the editor started from: saving over a newer one is a conflict, not a silent loss.
            db.Entry(post).Property(p => p.ConcurrencyStamp).OriginalValue = input.ConcurrencyStamp;
            var contentChanged = post.Title != title || post.Summary != NullIfEmpty(summary) || post.Body != body;
            if (contentChanged)
            {
                db.PostRevisions.Add(new PostRevision
                {
                    PostId = post.Id, Title = post.Title, Summary = post.Summary, Body = post.Body, CreatedAt = now, CreatedById = editor.UserId,
                });
                if (wasPublic && post.PublishedAt <= now)
                {
                    post.ContentUpdatedAt = now;
                }
            }

            if (post.Slug != slug && post.PublishedAt is not null && wasPublic)
            {
                db.PostSlugRedirects.Add(new PostSlugRedirect { OldSlug = post.Slug, PostId = post.Id, CreatedAt = now });
            }
        }

        // A slug taken back from an old redirect now means this post.
        db.PostSlugRedirects.RemoveRange(await db.PostSlugRedirects.Where(r => r.OldSlug == slug).ToListAsync(cancellationToken));

        post.Title = title;
        post.Slug = slug;
        post.Summary = NullIfEmpty(summary);
        post.SetBody(body, renderer);
        post.AuthorId = authorId!.Value;
        post.CommentsOpen = input.CommentsOpen;
        post.CoverImage = cover?.FileName;
        post.CoverImageWidth = cover?.Width;
        post.CoverImageHeight = cover?.Height;
        if (manualReview)
        {
            post.ReviewerId = input.ReviewerId;
            post.ReviewedAt = input.ReviewedAt ?? now;
            post.ReviewedBodyHash = bodyHash;
        }

        post.ReviewIsStale = post.ReviewedBodyHash is not null && post.ReviewedBodyHash != bodyHash;
        ApplyStatus(post, input, now);
        await ApplyTagsAsync(post, tagNames, cancellationToken);

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var theirs = await db.Posts.AsNoTracking().Where(p => p.Id == postId)
                .Select(p => new PostConflict(p.Title, p.Summary, p.Body, p.ConcurrencyStamp, p.UpdatedAt))
                .SingleOrDefaultAsync(cancellationToken);
            return theirs is null
                ? PostSaveResult.Of(PostSaveOutcome.NotFound)
                : new PostSaveResult(PostSaveOutcome.Conflict, new Dictionary<string, string>(), postId, theirs);
        }

        var action = isNew ? "post.created" : "post.updated";
        if (previousStatus != post.Status && !(isNew && post.Status == PostStatus.Draft))
        {
            action = "post." + post.Status.ToString().ToLowerInvariant();
        }

        await AuditAsync(editor, action, post.Id, cancellationToken);
        logger.LogInformation("Post {PostId} saved by staff {UserId} as {Status}", post.Id, editor.UserId, post.Status);
        return new PostSaveResult(PostSaveOutcome.Saved, new Dictionary<string, string>(), post.Id);
    }

    /// <summary>An author asks for review and publication.</summary>
    public async Task<PostSaveOutcome> SubmitForReviewAsync(PostEditor editor, int postId, CancellationToken cancellationToken)
    {
        var post = await db.Posts.SingleOrDefaultAsync(p => p.Id == postId, cancellationToken);
        if (post is null)
        {
            return PostSaveOutcome.NotFound;
        }

        if (!CanEdit(editor, post))
        {
            return PostSaveOutcome.Forbidden;
        }

        post.SubmittedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        await AuditAsync(editor, "post.submitted", postId, cancellationToken);
        return PostSaveOutcome.Saved;
    }

    /// <summary>A reviewer (a clinician with credentials) signs off the post's current text.</summary>
    public async Task<(PostSaveOutcome Outcome, string? Error)> SignOffAsync(PostEditor editor, int postId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(editor);
        if (!editor.IsReviewer || editor.AuthorId is null)
        {
            return (PostSaveOutcome.Forbidden, null);
        }

        var hasCredentials = await db.Authors.AnyAsync(a => a.Id == editor.AuthorId && a.Credentials != null && a.Credentials != "", cancellationToken);
        if (!hasCredentials)
        {
            return (PostSaveOutcome.Invalid, "Add your credentials to your author profile before signing off medical content.");
        }

        var post = await db.Posts.SingleOrDefaultAsync(p => p.Id == postId, cancellationToken);
        if (post is null)
        {
            return (PostSaveOutcome.NotFound, null);
        }

        post.ReviewerId = editor.AuthorId;
        post.ReviewedAt = clock.GetUtcNow().UtcDateTime;
        post.ReviewedBodyHash = Hash(post.Body);
        post.ReviewIsStale = false;
        await db.SaveChangesAsync(cancellationToken);
        await AuditAsync(editor, "post.reviewed", postId, cancellationToken);
        return (PostSaveOutcome.Saved, null);
    }

    /// <summary>Puts an earlier version back; the version it replaces becomes a revision itself.</summary>
    public async Task<PostSaveOutcome> RestoreRevisionAsync(PostEditor editor, int postId, int revisionId, CancellationToken cancellationToken)
    {
        var post = await db.Posts.SingleOrDefaultAsync(p => p.Id == postId, cancellationToken);
        var revision = await db.PostRevisions.AsNoTracking().SingleOrDefaultAsync(r => r.Id == revisionId && r.PostId == postId, cancellationToken);
        if (post is null || revision is null)
        {
            return PostSaveOutcome.NotFound;
        }

        if (!CanEdit(editor, post))
        {
            return PostSaveOutcome.Forbidden;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.PostRevisions.Add(new PostRevision { PostId = post.Id, Title = post.Title, Summary = post.Summary, Body = post.Body, CreatedAt = now, CreatedById = editor.UserId });
        post.Title = revision.Title;
        post.Summary = revision.Summary;
        post.SetBody(revision.Body, renderer);
        post.ReviewIsStale = post.ReviewedBodyHash is not null && post.ReviewedBodyHash != Hash(revision.Body);
        if (post.Status == PostStatus.Published)
        {
            post.ContentUpdatedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        await AuditAsync(editor, "post.revision-restored", postId, cancellationToken, $"revision {revisionId}");
        return PostSaveOutcome.Saved;
    }

    /// <summary>Deletes a post with its comments, revisions and redirects. Authors may delete only their own drafts.</summary>
    public async Task<PostSaveOutcome> DeleteAsync(PostEditor editor, int postId, CancellationToken cancellationToken)
    {
        var post = await db.Posts.SingleOrDefaultAsync(p => p.Id == postId, cancellationToken);
        if (post is null)
        {
            return PostSaveOutcome.NotFound;
        }

        if (!CanDelete(editor, post.AuthorId, post.Status))
        {
            return PostSaveOutcome.Forbidden;
        }

        db.Posts.Remove(post);
        await db.SaveChangesAsync(cancellationToken);
        await AuditAsync(editor, "post.deleted", postId, cancellationToken, post.Slug);
        return PostSaveOutcome.Saved;
    }

    public static bool CanEdit(PostEditor editor, Post post) =>
        editor is not null && post is not null && (editor.CanEditAll || (editor.AuthorId is not null && post.AuthorId == editor.AuthorId));

    public static bool CanDelete(PostEditor editor, int authorId, PostStatus status) =>
        editor is not null && (editor.CanEditAll || (editor.AuthorId == authorId && status == PostStatus.Draft));

    /// <summary>The fingerprint of a body, to tell whether a review still covers it.</summary>
    public static string Hash(string body) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body ?? string.Empty)));

    private static void ValidateStatus(PostEditor editor, Post? post, PostInput input, DateTime now, Dictionary<string, string> errors)
    {
        if (!Enum.IsDefined(input.Status))
        {
            errors[nameof(PostInput.Status)] = "Choose a status.";
            return;
        }

        var changes = post?.Status != input.Status;
        var publisherOnly = input.Status is PostStatus.Published or PostStatus.Scheduled or PostStatus.Archived;
        if (changes && publisherOnly && !editor.CanPublish)
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

    private async Task ApplyTagsAsync(Post post, List<string> names, CancellationToken cancellationToken)
    {
        var slugs = names.Select(SlugGenerator.Generate).ToList();
        var existing = await db.Tags.Where(t => slugs.Contains(t.Slug)).ToListAsync(cancellationToken);
        post.Tags.Clear();
        foreach (var (name, slug) in names.Zip(slugs))
        {
            if (post.Tags.Any(t => t.Slug == slug))
            {
                continue;
            }

            post.Tags.Add(existing.FirstOrDefault(t => t.Slug == slug) ?? new Tag { Name = name, Slug = slug });
        }
    }

    private async Task AuditAsync(PostEditor editor, string action, int postId, CancellationToken cancellationToken, string? details = null)
    {
        // Every audited post change may show on public pages (a draft save evicts too: cheap, and safe).
        await cache.PostsChangedAsync(cancellationToken);
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            UserId = editor.UserId,
            Action = action,
            EntityType = nameof(Post),
            EntityId = postId.ToString(CultureInfo.InvariantCulture),
            Details = details,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static void Require(Dictionary<string, string> errors, string field, bool ok, string message)
    {
        if (!ok && !errors.ContainsKey(field))
        {
            errors[field] = message;
        }
    }

    private static string Clean(string? value) => TextCleaning.Line(value);

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
