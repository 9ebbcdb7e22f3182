using System.Globalization;
using ClinicBlog.Core.Audit;
using ClinicBlog.Core.Content;
using ClinicBlog.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClinicBlog.Core.Comments;

/// <summary>One stored comment, as a commenter's data export lists it.</summary>
public sealed record ExportedComment(
    int Id, string Post, string PostUrlPath, int? InReplyTo, string Name, string? Email, string Body,
    string Status, DateTime CreatedAt, DateTime UpdatedAt);

public enum EraseMode
{
    /// <summary>Keep the comments, with the name "Anonymous" and no email or IP hash.</summary>
    Anonymise,

    /// <summary>Delete the comments (and the replies under them).</summary>
    Delete,
}

/// <summary>A commenter's rights over their data: export and erase everything stored with their
/// email address, and the retention rule that clears old IP hashes. Audit entries say what was done
/// and how much, never to whom.</summary>
public sealed class CommenterPersonalData(
    BlogDbContext db, TimeProvider clock, IPublicContentCache cache, IOptions<CommentOptions> options, ILogger<CommenterPersonalData> logger)
{
    /// <summary>The name erased comments keep.</summary>
    public const string AnonymousName = "Anonymous";

    /// <summary>Every comment stored with this email address (compared without case), oldest first.</summary>
    public Task<List<ExportedComment>> ExportAsync(string email, CancellationToken cancellationToken) =>
        WithEmail(email).AsNoTracking()
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new ExportedComment(
                c.Id, c.Post.Title, "/posts/" + c.Post.Slug, c.ParentId, c.AuthorName, c.AuthorEmail, c.Body,
                c.Status.ToString(), c.CreatedAt, c.UpdatedAt))
            .ToListAsync(cancellationToken);

    public Task<int> CountAsync(string email, CancellationToken cancellationToken) => WithEmail(email).CountAsync(cancellationToken);

    /// <summary>Anonymises or deletes every comment with this email, and lifts bans that name the
    /// email or those comments' IP hashes, so nothing keeps either. Returns how many comments.</summary>
    public Task<int> EraseAsync(string staffUserId, string email, EraseMode mode, CancellationToken cancellationToken) =>
        ScrubbingWrite.RunAsync(db, () => EraseNowAsync(staffUserId, email, mode, cancellationToken), cancellationToken);

    private async Task<int> EraseNowAsync(string staffUserId, string email, EraseMode mode, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var normalized = Normalize(email);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var matches = await WithEmail(email).Select(c => new { c.Id, c.PostId, c.IpHash }).ToListAsync(cancellationToken);
        var ids = matches.Select(m => m.Id).ToList();
        var ipHashes = matches.Where(m => m.IpHash != null).Select(m => m.IpHash!).Distinct().ToList();
        var selected = db.Comments.Where(c => ids.Contains(c.Id));
        _ = mode == EraseMode.Delete
            ? await selected.ExecuteDeleteAsync(cancellationToken)
            : await selected.ExecuteUpdateAsync(
                s => s.SetProperty(c => c.AuthorName, AnonymousName)
                    .SetProperty(c => c.AuthorEmail, (string?)null)
                    .SetProperty(c => c.IpHash, (string?)null)
                    .SetProperty(c => c.UpdatedAt, now),
                cancellationToken);
        var bans = await db.CommenterBans
            .Where(b => b.Email == normalized || (b.IpHash != null && ipHashes.Contains(b.IpHash)))
            .ExecuteDeleteAsync(cancellationToken);
        db.AuditEntries.Add(new AuditEntry
        {
            At = now,
            UserId = staffUserId,
            Action = "commenter.erased",
            EntityType = nameof(Comment),
            Details = string.Create(CultureInfo.InvariantCulture,
                $"{(mode == EraseMode.Delete ? "deleted" : "anonymised")} {ids.Count} comment(s) of one commenter; {bans} ban(s) lifted"),
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await cache.CommentsChangedAsync(matches.Select(m => m.PostId).Distinct().ToList(), cancellationToken);
        logger.LogInformation("Erased the data of one commenter ({Count} comments, {Mode}) by staff {UserId}", ids.Count, mode, staffUserId);
        return ids.Count;
    }

    /// <summary>Clears the IP hash of comments older than <see cref="CommentOptions.IpHashRetentionDays"/>.
    /// Returns how many were cleared.</summary>
    public async Task<int> ApplyRetentionAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-options.Value.IpHashRetentionDays);
        var cleared = await db.Comments.Where(c => c.IpHash != null && c.CreatedAt < cutoff)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.IpHash, (string?)null), cancellationToken);
        if (cleared > 0)
        {
            logger.LogInformation("Cleared the IP hash of {Count} comment(s) older than {Days} days", cleared, options.Value.IpHashRetentionDays);
        }

        return cleared;
    }

    private IQueryable<Comment> WithEmail(string email)
    {
        var normalized = Normalize(email);
        // SQLite's NOCASE folds ASCII letters, which is what email addresses use in practice.
        return db.Comments.Where(c => c.AuthorEmail != null && EF.Functions.Collate(c.AuthorEmail, "NOCASE") == normalized);
    }

    private static string Normalize(string email) => email.Trim().ToLowerInvariant();
}
