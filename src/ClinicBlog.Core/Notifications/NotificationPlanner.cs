using System.Globalization;
using System.Text;
using ClinicBlog.Core.Authors;
using ClinicBlog.Core.Comments;
using ClinicBlog.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClinicBlog.Core.Notifications;

/// <summary>Decides who hears about what and writes the messages into the outbox. Held comments are
/// picked up here (urgent ones at once, the rest as a digest); approvals are queued by moderation in
/// the same transaction as the approval.</summary>
public sealed class NotificationPlanner(
    BlogDbContext db,
    IStaffLinkBase links,
    IOptions<NotificationOptions> options,
    IOptions<SmtpOptions> smtp,
    IOptions<BlogOptions> blog)
{
    private const int MaxListedComments = 50;
    private const int MarkedPerStatement = 500;

    private sealed record Recipient(string Id, string Email, int? AuthorId, bool ModeratesAll, bool Urgent, bool Held, bool Approved)
    {
        public bool Moderates(int? postAuthorId) => ModeratesAll || (AuthorId is not null && AuthorId == postAuthorId);
    }

    /// <summary>A held comment as a round sorts it: which post, whose queue, how urgent, since when. A few
    /// numbers each, so a queue of thousands (an import, a wave of spam) is read without its text or titles;
    /// titles are read only for the comments the messages list.</summary>
    private readonly record struct HeldComment(int Id, int PostId, int? PostAuthorId, bool IsUrgent, DateTime CreatedAt);

    /// <summary>A comment that was just approved, as the approval message needs it.</summary>
    public sealed record ApprovedComment(int Id, string PostTitle, int? PostAuthorId);

    /// <summary>Queues one message per moderator for the new urgent comments they moderate (at most one
    /// round every <see cref="NotificationOptions.UrgentIntervalMinutes"/>), and a digest of the other
    /// held comments once the oldest of them has waited <see cref="NotificationOptions.DigestMinutes"/>.
    /// Every comment is considered once. Returns how many messages were queued.</summary>
    public async Task<int> PlanHeldCommentsAsync(DateTime now, CancellationToken cancellationToken)
    {
        var held = await db.Comments.AsNoTracking()
            .Where(c => c.Status == CommentStatus.Pending && c.HeldNotifiedAt == null)
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new HeldComment(c.Id, c.PostId, c.Post.AuthorId, c.IsUrgent, c.CreatedAt))
            .ToListAsync(cancellationToken);
        var urgent = held.Where(c => c.IsUrgent).ToList();
        var ordinary = held.Where(c => !c.IsUrgent).ToList();
        if (urgent.Count > 0 && !await UrgentRoundIsDueAsync(now, cancellationToken))
        {
            // They wait for the next round, which tells of them together.
            urgent.Clear();
        }
        var digestDue = ordinary.Count > 0 && ordinary[0].CreatedAt <= now.AddMinutes(-options.Value.DigestMinutes);
        if (urgent.Count == 0 && !digestDue)
        {
            return 0;
        }

        var staff = await RecipientsAsync(now, cancellationToken);
        var urgentFor = Shares(staff.Where(r => r.Urgent), urgent);
        var digestFor = digestDue ? Shares(staff.Where(r => r.Held), ordinary) : [];
        var titles = await TitlesAsync(urgentFor.Concat(digestFor).SelectMany(share => share.Comments.Take(MaxListedComments)), cancellationToken);
        var messages = urgentFor
            .Select(share => Message(NotificationKind.UrgentComment, share.To, now, UrgentSubject(share.Comments, titles), UrgentBody(share.Comments, titles)))
            .Concat(digestFor.Select(share => Message(NotificationKind.HeldComments, share.To, now, DigestSubject(share.Comments.Count), DigestBody(share.Comments, titles))))
            .ToList();
        var considered = urgent.Select(c => c.Id).ToList();
        if (digestDue)
        {
            considered.AddRange(ordinary.Select(c => c.Id));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // In slices: EF sends a list as one parameter per id, and SQLite refuses a statement with more than
        // 32,766; a statement per slice also keeps each one small (the queue after an import can be thousands).
        foreach (var slice in considered.Chunk(MarkedPerStatement))
        {
            await db.Comments.Where(c => slice.Contains(c.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.HeldNotifiedAt, now), cancellationToken);
        }

        db.Notifications.AddRange(messages);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return messages.Count;
    }

    /// <summary>Each recipient with the comments they moderate, for those who moderate any.</summary>
    private static List<(Recipient To, List<HeldComment> Comments)> Shares(IEnumerable<Recipient> recipients, List<HeldComment> comments) =>
        recipients.Select(r => (To: r, Comments: comments.Where(c => r.Moderates(c.PostAuthorId)).ToList()))
            .Where(share => share.Comments.Count > 0)
            .ToList();

    /// <summary>The titles of the posts under the comments the messages list (at most
    /// <see cref="MaxListedComments"/> per message), by post.</summary>
    private async Task<Dictionary<int, string>> TitlesAsync(IEnumerable<HeldComment> listed, CancellationToken cancellationToken)
    {
        var postIds = listed.Select(c => c.PostId).Distinct().ToList();
        return await db.Posts.AsNoTracking().Where(p => postIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Title })
            .ToDictionaryAsync(p => p.Id, p => p.Title, cancellationToken);
    }

    /// <summary>A post deleted since the round read its comments takes them with it; the message still says one was held.</summary>
    private static string TitleOf(HeldComment comment, Dictionary<int, string> titles) =>
        titles.GetValueOrDefault(comment.PostId, "a deleted article");

    /// <summary>Adds (without saving) a message to each post author whose comments were approved by
    /// someone else. The caller saves it with the approval, so both happen or neither does.</summary>
    public async Task QueueApprovalsAsync(string approverId, IReadOnlyCollection<ApprovedComment> approved, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(approved);
        if (approved.Count == 0)
        {
            return;
        }

        var staff = await RecipientsAsync(now, cancellationToken);
        foreach (var recipient in staff.Where(r => r.Approved && r.Id != approverId && r.AuthorId is not null))
        {
            var theirs = approved.Where(c => c.PostAuthorId == recipient.AuthorId).ToList();
            if (theirs.Count == 0)
            {
                continue;
            }

            var subject = theirs.Count == 1
                ? $"A comment on “{theirs[0].PostTitle}” was approved"
                : string.Create(CultureInfo.InvariantCulture, $"{theirs.Count} comments on your articles were approved");
            var body = new StringBuilder(theirs.Count == 1 ? "A reader's comment on your article is now published.\n\n" : "Readers' comments on your articles are now published.\n\n");
            AppendCommentLinks(body, theirs.Select(c => (c.Id, c.PostTitle, (DateTime?)null)).ToList(), theirs.Count);
            db.Notifications.Add(Message(NotificationKind.CommentApproved, recipient, now, subject, Footer(body)));
        }
    }

    /// <summary>Queues a test message to <paramref name="email"/>.</summary>
    public async Task<Notification> QueueTestAsync(string email, DateTime now, CancellationToken cancellationToken)
    {
        var body = new StringBuilder("This is a test message from ").Append(blog.Value.Title)
            .Append(". If you can read it, staff notifications by email work.\n\n")
            .Append("Notifications: ").Append(Link("admin/notifications")).Append('\n');
        var message = Message(NotificationKind.Test, new Recipient(string.Empty, email, null, false, false, false, false), now,
            $"Test message from {blog.Value.Title}", body.ToString());
        message.RecipientUserId = null;
        db.Notifications.Add(message);
        await db.SaveChangesAsync(cancellationToken);
        return message;
    }

    private async Task<List<Recipient>> RecipientsAsync(DateTime now, CancellationToken cancellationToken)
    {
        var rows = await db.Users.AsNoTracking()
            .Where(u => u.Email != null)
            .Select(u => new
            {
                u.Id,
                u.Email,
                u.AuthorId,
                u.LockoutEnd,
                u.NotifyUrgentComments,
                u.NotifyHeldComments,
                u.NotifyApprovedComments,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToList(),
            })
            .ToListAsync(cancellationToken);
        // A locked account is a disabled one: it hears nothing.
        return rows.Where(r => !(r.LockoutEnd > new DateTimeOffset(now)))
            .Select(r => new Recipient(
                r.Id, r.Email!, r.AuthorId,
                r.Roles.Contains(StaffRoles.Admin) || r.Roles.Contains(StaffRoles.Editor),
                r.NotifyUrgentComments, r.NotifyHeldComments, r.NotifyApprovedComments))
            .ToList();
    }

    private Notification Message(NotificationKind kind, Recipient to, DateTime now, string subject, string body) => new()
    {
        Kind = kind,
        RecipientUserId = to.Id,
        RecipientEmail = to.Email,
        Subject = $"[{blog.Value.Title}] {subject}",
        Body = body,
        State = smtp.Value.IsConfigured ? NotificationState.Queued : NotificationState.NotSent,
        NextAttemptAt = now,
        CreatedAt = now,
    };

    /// <summary>True when no round of urgent messages went out in the last
    /// <see cref="NotificationOptions.UrgentIntervalMinutes"/>.</summary>
    private async Task<bool> UrgentRoundIsDueAsync(DateTime now, CancellationToken cancellationToken)
    {
        var interval = options.Value.UrgentIntervalMinutes;
        if (interval == 0)
        {
            return true;
        }

        var last = await db.Notifications.AsNoTracking().Where(n => n.Kind == NotificationKind.UrgentComment)
            .MaxAsync(n => (DateTime?)n.CreatedAt, cancellationToken);
        return last is null || last <= now.AddMinutes(-interval);
    }

    private static string UrgentSubject(List<HeldComment> comments, Dictionary<int, string> titles) => comments.Count == 1
        ? $"Urgent comment waiting on “{TitleOf(comments[0], titles)}”"
        : string.Create(CultureInfo.InvariantCulture, $"{comments.Count} urgent comments are waiting");

    private string UrgentBody(List<HeldComment> comments, Dictionary<int, string> titles)
    {
        var body = new StringBuilder();
        if (comments.Count == 1)
        {
            var comment = comments[0];
            body.Append("A comment on “").Append(TitleOf(comment, titles)).Append("” may describe a crisis. It is waiting for a moderator.\n")
                .Append("It arrived ").Append(Time(comment.CreatedAt)).Append(".\n\n")
                .Append("Open it: ").Append(CommentLink(comment.Id)).Append('\n');
        }
        else
        {
            body.Append(CultureInfo.InvariantCulture, $"{comments.Count} comments that may describe a crisis arrived and are waiting for a moderator:\n\n");
            AppendCommentLinks(body, Listed(comments, titles), comments.Count);
        }

        return Footer(body);
    }

    private static string DigestSubject(int count) => count == 1
        ? "1 comment is waiting for moderation"
        : string.Create(CultureInfo.InvariantCulture, $"{count} comments are waiting for moderation");

    private string DigestBody(List<HeldComment> comments, Dictionary<int, string> titles)
    {
        var body = new StringBuilder(comments.Count == 1 ? "A comment is waiting for moderation:\n\n" : "These comments are waiting for moderation:\n\n");
        AppendCommentLinks(body, Listed(comments, titles), comments.Count);
        body.Append("\nThe whole queue: ").Append(Link("admin/comments?status=Pending")).Append('\n');
        return Footer(body);
    }

    private static List<(int Id, string PostTitle, DateTime? At)> Listed(List<HeldComment> comments, Dictionary<int, string> titles) =>
        comments.Take(MaxListedComments).Select(c => (c.Id, TitleOf(c, titles), (DateTime?)c.CreatedAt)).ToList();

    /// <summary>Lists the given comments (at most <see cref="MaxListedComments"/>) and says how many of
    /// <paramref name="total"/> are left out.</summary>
    private void AppendCommentLinks(StringBuilder body, List<(int Id, string PostTitle, DateTime? At)> comments, int total)
    {
        foreach (var (id, title, at) in comments.Take(MaxListedComments))
        {
            body.Append("- On “").Append(title).Append('”');
            if (at is { } time)
            {
                body.Append(", ").Append(Time(time));
            }

            body.Append(": ").Append(CommentLink(id)).Append('\n');
        }

        if (total > MaxListedComments)
        {
            body.Append(CultureInfo.InvariantCulture, $"- and {total - MaxListedComments} more\n");
        }
    }

    private string Footer(StringBuilder body) => body
        .Append("\nThis message does not quote what readers wrote: email is not a safe place for it.\n")
        .Append("Choose which messages you get: ").Append(Link("account/notifications")).Append('\n')
        .ToString();

    private string CommentLink(int id) => Link(string.Create(CultureInfo.InvariantCulture, $"admin/comments/{id}"));

    private string Link(string path) => new Uri(links.BaseUri, path).ToString();

    private static string Time(DateTime at) => at.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
