using System.Globalization;
using ClinicBlog.Core.Audit;
using ClinicBlog.Core.Content;
using ClinicBlog.Core.Data;
using ClinicBlog.Core.Media;
using ClinicBlog.Core.Posts;
using Microsoft.EntityFrameworkCore;

namespace ClinicBlog.Core.Pages;

/// <summary>Writing the site's pages (Admins and Editors): validated, their earlier words kept as
/// revisions, a clinician's review recorded for the exact text it covers, every change audited.</summary>
public sealed class PageService(BlogDbContext db, MarkdownRenderer renderer, SiteLinks links, IAuditLog audit, TimeProvider clock)
{
    /// <summary>Addresses of the blog itself (and words kept for it): a page cannot take them.</summary>
    public static readonly IReadOnlySet<string> ReservedSlugs = new HashSet<string>(StringComparer.Ordinal)
    {
        "admin", "account", "posts", "tags", "authors", "search", "archive", "feed", "atom", "sitemap", "robots",
        "privacy", "comment-policy", "error", "media", "css", "js", "healthz", "health", "login", "logout",
        "api", "comments", "pages", "favicon", "static", "assets", "wp-admin", "wp-content", "wp-login",
    };

    public Task<List<PageListItem>> ListAsync(CancellationToken cancellationToken) =>
        db.Pages.AsNoTracking().OrderBy(p => p.Title)
            .Select(p => new PageListItem(p.Id, p.Title, p.Slug, p.Status, p.UpdatedAt))
            .ToListAsync(cancellationToken);

    /// <summary>Clinicians who can be recorded as a page's reviewer: author profiles with credentials.</summary>
    public Task<List<ReviewerChoice>> ReviewersAsync(CancellationToken cancellationToken) =>
        db.Authors.AsNoTracking().Where(a => a.Credentials != null && a.Credentials != "").OrderBy(a => a.DisplayName)
            .Select(a => new ReviewerChoice(a.Id, a.DisplayName, a.Credentials!))
            .ToListAsync(cancellationToken);

    public async Task<PageForEditing?> FindAsync(int id, CancellationToken cancellationToken)
    {
        var page = await db.Pages.AsNoTracking().Include(p => p.Reviewer).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (page is null)
        {
            return null;
        }

        var revisions = await db.PageRevisions.AsNoTracking().Where(r => r.PageId == id).OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Select(r => new RevisionItem(r.Id, r.CreatedAt, r.Title, r.Body.Length, null))
            .ToListAsync(cancellationToken);
        var input = new PageInput
        {
            Title = page.Title, Slug = page.Slug, Summary = page.Summary, Body = page.Body, Status = page.Status,
            ReviewerId = page.ReviewerId, ReviewedAt = page.ReviewedAt,
        };
        return new PageForEditing(page.Id, input, page.Status, page.ReviewCoversText, page.Reviewer?.DisplayName, revisions);
    }

    public async Task<Result<int>> SaveAsync(string? userId, int? id, PageInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var page = id is null ? null : await db.Pages.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (id is not null && page is null)
        {
            return Result.NotFound.As<int>();
        }

        var title = TextCleaning.Line(input.Title);
        var summary = TextCleaning.Line(input.Summary) is { Length: > 0 } s ? s : null;
        var body = TextCleaning.Block(input.Body);
        var slug = string.IsNullOrWhiteSpace(input.Slug) ? SlugGenerator.Generate(title) : input.Slug.Trim();
        var errors = new Dictionary<string, string>();
        if (title.Length == 0)
        {
            errors[nameof(PageInput.Title)] = "Give the page a title.";
        }
        else if (title.Length > Post.TitleMaxLength)
        {
            errors[nameof(PageInput.Title)] = $"A title can be at most {Post.TitleMaxLength} characters (this one has {title.Length}).";
        }

        if (!SlugGenerator.IsValid(slug) || slug.Length > SlugGenerator.MaxLength)
        {
            errors[nameof(PageInput.Slug)] = $"A slug is lower-case letters, digits and hyphens, at most {SlugGenerator.MaxLength} characters, such as about-us.";
        }
        else if (ReservedSlugs.Contains(slug))
        {
            errors[nameof(PageInput.Slug)] = $"/{slug} is one of the blog's own addresses: choose another slug.";
        }
        else if (await db.Pages.AnyAsync(p => p.Slug == slug && p.Id != (id ?? 0), cancellationToken))
        {
            errors[nameof(PageInput.Slug)] = $"Another page already lives at /{slug}.";
        }

        if (summary?.Length > Post.SummaryMaxLength)
        {
            errors[nameof(PageInput.Summary)] = $"A summary can be at most {Post.SummaryMaxLength} characters (this one has {summary.Length}).";
        }

        if (body.Trim().Length == 0)
        {
            errors[nameof(PageInput.Body)] = "Write the page's text.";
        }
        else if (body.Length > Post.BodyMaxLength)
        {
            errors[nameof(PageInput.Body)] = string.Create(CultureInfo.InvariantCulture, $"The text can be at most {Post.BodyMaxLength:N0} characters (this one has {body.Length:N0}).");
        }

        if (!Enum.IsDefined(input.Status))
        {
            errors[nameof(PageInput.Status)] = "Choose Draft or Published.";
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await ValidateReviewAsync(input, now, errors, cancellationToken);
        if (errors.Count > 0)
        {
            return Result.Invalid(errors).As<int>();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (page is null)
        {
            page = new Page { Title = title, Slug = slug, Body = string.Empty, BodyHtml = string.Empty };
            db.Pages.Add(page);
        }
        else if (page.Title != title || page.Summary != summary || page.Body != body)
        {
            db.PageRevisions.Add(new PageRevision { PageId = page.Id, Title = page.Title, Summary = page.Summary, Body = page.Body, CreatedAt = now, CreatedById = userId });
        }

        page.Title = title;
        page.Slug = slug;
        page.Summary = summary;
        page.SetBody(body, renderer, await db.ImagesInAsync(body, cancellationToken));
        page.Status = input.Status;
        page.PublishedAt ??= input.Status == PageStatus.Published ? now : null;
        if (input.ReviewerId is null)
        {
            page.ReviewerId = null;
            page.ReviewedAt = null;
            page.ReviewedContentHash = null;
        }
        else if (page.ReviewerId != input.ReviewerId || page.ReviewedAt != input.ReviewedAt)
        {
            // A review recorded now covers the text saved now.
            page.ReviewerId = input.ReviewerId;
            page.ReviewedAt = input.ReviewedAt;
            page.ReviewedContentHash = Page.Fingerprint(title, summary, body);
        }

        await db.SaveChangesAsync(cancellationToken);
        audit.Record(id is null ? AuditAction.PageCreated : AuditAction.PageUpdated, userId, page.Id, page.Status.ToString());
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        links.Invalidate();
        return Result.Of(page.Id);
    }

    public async Task<Result> RestoreRevisionAsync(string? userId, int id, int revisionId, CancellationToken cancellationToken)
    {
        var revision = await db.PageRevisions.AsNoTracking().SingleOrDefaultAsync(r => r.Id == revisionId && r.PageId == id, cancellationToken);
        var current = await FindAsync(id, cancellationToken);
        if (revision is null || current is null)
        {
            return Result.NotFound;
        }

        var input = new PageInput();
        input.CopyFrom(current.Input);
        input.Title = revision.Title;
        input.Summary = revision.Summary;
        input.Body = revision.Body;
        var result = await SaveAsync(userId, id, input, cancellationToken);
        return result.Succeeded ? Result.Success : result;
    }

    public async Task<Result> DeleteAsync(string? userId, int id, CancellationToken cancellationToken)
    {
        var page = await db.Pages.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (page is null)
        {
            return Result.NotFound;
        }

        db.Pages.Remove(page);
        audit.Record(AuditAction.PageDeleted, userId, id, "/" + page.Slug);
        await db.SaveChangesAsync(cancellationToken);
        links.Invalidate();
        return Result.Success;
    }

    private async Task ValidateReviewAsync(PageInput input, DateTime now, Dictionary<string, string> errors, CancellationToken cancellationToken)
    {
        if (input.ReviewerId is null)
        {
            return;
        }

        if (!await db.Authors.AnyAsync(a => a.Id == input.ReviewerId && a.Credentials != null && a.Credentials != "", cancellationToken))
        {
            errors[nameof(PageInput.ReviewerId)] = "Choose a reviewer with credentials on their author profile.";
        }

        if (input.ReviewedAt is not { } reviewed)
        {
            errors[nameof(PageInput.ReviewedAt)] = "Give the date of the review.";
        }
        else if (reviewed.Date > now.Date)
        {
            errors[nameof(PageInput.ReviewedAt)] = "A review date cannot be in the future.";
        }
    }
}
