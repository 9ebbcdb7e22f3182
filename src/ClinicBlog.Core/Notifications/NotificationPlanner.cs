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

    private sealed record Recipient(string Id, string Email, int? AuthorId, bool ModeratesAll, bool Urgent, bool Held, bool Approved)
    {
        public bool Moderates(int? postAuthorId) => ModeratesAll || (AuthorId is not null && AuthorId == postAuthorId);
    }

    private sealed record HeldComment(int Id, string PostTitle, int? PostAuthorId, bool IsUrgent, DateTime CreatedAt);

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
            .Select(c => new HeldComment(c.Id, c.Post.Title, c.Post.AuthorId, c.IsUrgent, c.CreatedAt))
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
        var messages = new List<Notification>();
        foreach (var recipient in staff.Where(r => r.Urgent))
        {
            var theirs = urgent.Where(c => recipient.Moderates(c.PostAuthorId)).ToList();
            if (theirs.Count > 0)
            {
                messages.Add(Message(NotificationKind.UrgentComment, recipient, now, UrgentSubject(theirs), UrgentBody(theirs)));
            }
        }

        var considered = urgent.Select(c => c.Id).ToList();
        if (digestDue)
        {
            foreach (var recipient in staff.Where(r => r.Held))
            {
                var theirs = ordinary.Where(c => recipient.Moderates(c.PostAuthorId)).ToList();
                if (theirs.Count > 0)
                {
                    messages.Add(Message(NotificationKind.HeldComments, recipient, now, DigestSubject(theirs.Count), DigestBody(theirs)));
                }
            }

            considered.AddRange(ordinary.Select(c => c.Id));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Comments.Where(c => considered.Contains(c.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.HeldNotifiedAt, now), cancellationToken);
        db.Notifications.AddRange(messages);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return messages.Count;
    }

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
            AppendCommentLinks(body, theirs.Select(c => (c.Id, c.PostTitle, (DateTime?)null)).ToList());
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

    private static string UrgentSubject(List<HeldComment> comments) => comments.Count == 1
        ? $"Urgent comment waiting on “{comments[0].PostTitle}”"
        : string.Create(CultureInfo.InvariantCulture, $"{comments.Count} urgent comments are waiting");

    private string UrgentBody(List<HeldComment> comments)
    {
        var body = new StringBuilder();
        if (comments.Count == 1)
        {
            var comment = comments[0];
            body.Append("A comment on “").Append(comment.PostTitle).Append("” may describe a crisis. It is waiting for a moderator.\n")
                .Append("It arrived ").Append(Time(comment.CreatedAt)).Append(".\n\n")
                .Append("Open it: ").Append(CommentLink(comment.Id)).Append('\n');
        }
        else
        {
            body.Append(CultureInfo.InvariantCulture, $"{comments.Count} comments that may describe a crisis arrived and are waiting for a moderator:\n\n");
            AppendCommentLinks(body, comments.Select(c => (c.Id, c.PostTitle, (DateTime?)c.CreatedAt)).ToList());
        }

        return Footer(body);
    }

    private static string DigestSubject(int count) => count == 1
        ? "1 comment is waiting for moderation"
        : string.Create(CultureInfo.InvariantCulture, $"{count} comments are waiting for moderation");

    private string DigestBody(List<HeldComment> comments)
    {
        var body = new StringBuilder(comments.Count == 1 ? "A comment is waiting for moderation:\n\n" : "These comments are waiting for moderation:\n\n");
        AppendCommentLinks(body, comments.Select(c => (c.Id, c.PostTitle, (DateTime?)c.CreatedAt)).ToList());
        body.Append("\nThe whole queue: ").Append(Link("admin/comments?status=Pending")).Append('\n');
        return Footer(body);
    }

    private void AppendCommentLinks(StringBuilder body, List<(int Id, string PostTitle, DateTime? At)> comments)
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

        if (comments.Count > MaxListedComments)
        {
            body.Append(CultureInfo.InvariantCulture, $"- and {comments.Count - MaxListedComments} more\n");
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
