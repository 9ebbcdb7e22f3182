using System.Globalization;
using ClinicBlog.Core.Audit;
using ClinicBlog.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClinicBlog.Core.Comments;

/// <summary>A commenter's rights over their data: export and erase everything stored with their
/// email address, and the retention rule that clears old IP hashes. Audit entries say what was done
/// and how much, never to whom.</summary>
public sealed class CommenterPersonalData(
    BlogDbContext db, TimeProvider clock, IAuditLog audit, IOptions<CommentOptions> options, ILogger<CommenterPersonalData> logger)
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
        var normalized = Normalize(email);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Tracked, not bulk: the change and its audit row are one SaveChanges, and the pages showing
        // these comments are evicted from what changed (Content.PublicContentChanges).
        var comments = await WithEmail(email).ToListAsync(cancellationToken);
        var ipHashes = comments.Where(c => c.IpHash != null).Select(c => c.IpHash!).Distinct().ToList();
        foreach (var comment in comments)
        {
            Erase(comment, mode);
        }

        var bans = await db.CommenterBans
            .Where(b => b.Email == normalized || (b.IpHash != null && ipHashes.Contains(b.IpHash)))
            .ToListAsync(cancellationToken);
        db.CommenterBans.RemoveRange(bans);
        audit.Record(AuditAction.CommenterErased, staffUserId, details: string.Create(CultureInfo.InvariantCulture,
            $"{(mode == EraseMode.Delete ? "deleted" : "anonymised")} {comments.Count} comment(s) of one commenter; {bans.Count} ban(s) lifted"));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Erased the data of one commenter ({Count} comments, {Mode}) by staff {UserId}", comments.Count, mode, staffUserId);
        return comments.Count;
    }

    private void Erase(Comment comment, EraseMode mode)
    {
        if (mode == EraseMode.Delete)
        {
            db.Comments.Remove(comment);
            return;
        }

        comment.AuthorName = AnonymousName;
        comment.AuthorEmail = null;
        comment.IpHash = null;
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
        // SQLite compares with its NOCASE collation (ASCII case folding), PostgreSQL with ILIKE on the escaped address: the same emails.
        return db.Database.IsSqlite()
            ? db.Comments.Where(c => c.AuthorEmail != null && EF.Functions.Collate(c.AuthorEmail, "NOCASE") == normalized)
            : db.Comments.Where(c => c.AuthorEmail != null && EF.Functions.ILike(c.AuthorEmail, LikePattern.Literal(normalized), LikePattern.Escape));
    }

    private static string Normalize(string email) => email.Trim().ToLowerInvariant();
}
