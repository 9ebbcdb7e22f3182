using ClinicBlog.Core.Data;
using ClinicBlog.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace ClinicBlog.Core.Posts;

/// <summary>The editor's autosave: one unsaved copy per staff member and post, written every few seconds of
/// idle typing, and one of a new post not saved yet (post id null). It never touches the post, its pending
/// changes or its review; saving the post removes it.</summary>
public sealed class PostAutosaveService(BlogDbContext db, TimeProvider clock)
{
    /// <summary>Someone else's autosave this recent means they have the post open now.</summary>
    public static readonly TimeSpan EditingWindow = TimeSpan.FromMinutes(2);

    /// <summary>Keeps what this member typed; returns when, and who else is editing the post now.</summary>
    /// <param name="who">The staff member typing.</param>
    /// <param name="postId">The post, or null for a new post (every staff member may write one).</param>
    /// <param name="input">The editor's fields as typed.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    public async Task<Result<AutosaveReceipt>> SaveAsync(StaffMember who, int? postId, PostInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(who);
        ArgumentNullException.ThrowIfNull(input);
        if (postId is not null)
        {
            var post = await db.Posts.AsNoTracking().Where(p => p.Id == postId).Select(p => new { p.AuthorId, p.Status }).SingleOrDefaultAsync(cancellationToken);
            if (post is null)
            {
                return Result.NotFound.As<AutosaveReceipt>();
            }

            if (!StaffPermissions.Allows(who, PostOperation.Edit, new PostFacts(post.AuthorId, post.Status)))
            {
                return Result.Forbidden().As<AutosaveReceipt>();
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var autosave = await db.PostAutosaves.OrderByDescending(a => a.SavedAt).FirstOrDefaultAsync(a => a.PostId == postId && a.UserId == who.UserId, cancellationToken);
        if (autosave is null)
        {
            autosave = new PostAutosave { PostId = postId, UserId = who.UserId };
            db.PostAutosaves.Add(autosave);
        }

        autosave.Title = Cut(input.Title, Post.TitleMaxLength);
        autosave.Slug = Cut(input.Slug, Content.SlugGenerator.MaxStoredLength);
        autosave.Summary = Cut(input.Summary, Post.SummaryMaxLength);
        autosave.Body = Cut(input.Body, Post.BodyMaxLength);
        autosave.Tags = Cut(input.Tags, 1_000);
        autosave.CoverImage = Cut(input.CoverImage, 80);
        autosave.SavedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return Result.Of(new AutosaveReceipt(now, postId is { } id ? await OthersEditingAsync(who, id, cancellationToken) : []));
    }

    /// <summary>This member's autosave of the post, when it is newer than the post's last save; for a new
    /// post (null), the autosave of the one they were writing and never saved.</summary>
    public Task<PostAutosave?> NewerThanSavedAsync(StaffMember who, int? postId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(who);
        var mine = db.PostAutosaves.AsNoTracking().Where(a => a.UserId == who.UserId);
        return (postId is null
                ? mine.Where(a => a.PostId == null)
                : mine.Where(a => a.PostId == postId && a.SavedAt > a.Post!.UpdatedAt))
            .OrderByDescending(a => a.SavedAt)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The names of other staff whose autosaves show they have the post open now.</summary>
    public async Task<IReadOnlyList<string>> OthersEditingAsync(StaffMember who, int postId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(who);
        var since = clock.GetUtcNow().UtcDateTime - EditingWindow;
        return await db.PostAutosaves.AsNoTracking()
            .Where(a => a.PostId == postId && a.UserId != who.UserId && a.SavedAt >= since)
            .Select(a => db.Users.Where(u => u.Id == a.UserId).Select(u => u.Author == null ? u.Email : u.Author.DisplayName).FirstOrDefault() ?? "Another staff member")
            .ToListAsync(cancellationToken);
    }

    /// <summary>Removes this member's autosave of the post (after a save, or when they discard it).</summary>
    public Task DiscardAsync(StaffMember who, int? postId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(who);
        return db.PostAutosaves.Where(a => a.PostId == postId && a.UserId == who.UserId).ExecuteDeleteAsync(cancellationToken);
    }

    private static string? Cut(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}
