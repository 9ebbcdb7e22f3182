using ClinicBlog.Core.Audit;
using ClinicBlog.Core.Data;
using ClinicBlog.Core.Paging;
using Microsoft.EntityFrameworkCore;

namespace ClinicBlog.Core.Redirects;

/// <summary>Staff keep old links working: redirects from the clinic's previous site or moved pages
/// (added, changed, removed; audited), and the old addresses of renamed posts (seen, removable).</summary>
public sealed class RedirectService(BlogDbContext db, RedirectTable table, IAuditLog audit, TimeProvider clock)
{
    public async Task<PagedList<RedirectListItem>> ListAsync(int page, int pageSize, CancellationToken cancellationToken)
    {
        var query = db.Redirects.AsNoTracking().OrderBy(r => r.FromPath);
        var total = await query.CountAsync(cancellationToken);
        var items = await query.Skip((page - 1) * pageSize).Take(pageSize)
            .Select(r => new RedirectListItem(r.Id, r.FromPath, r.ToUrl, r.CreatedAt))
            .ToListAsync(cancellationToken);
        return new PagedList<RedirectListItem>(items, page, pageSize, total);
    }

    /// <summary>The old addresses of renamed posts, which answer 301 with the post's current address.</summary>
    public Task<List<PostSlugRedirectItem>> PostSlugsAsync(CancellationToken cancellationToken) =>
        db.PostSlugRedirects.AsNoTracking().OrderBy(r => r.OldSlug)
            .Select(r => new PostSlugRedirectItem(r.Id, r.OldSlug, r.Post.Slug, r.Post.Title, r.CreatedAt))
            .ToListAsync(cancellationToken);

    public Task<RedirectInput?> FindAsync(int id, CancellationToken cancellationToken) =>
        db.Redirects.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new RedirectInput { From = r.FromPath, To = r.ToUrl })
            .SingleOrDefaultAsync(cancellationToken);

    public async Task<Result<int>> SaveAsync(string? userId, int? id, RedirectInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var redirect = id is null ? null : await db.Redirects.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (id is not null && redirect is null)
        {
            return Result.NotFound.As<int>();
        }

        var errors = new Dictionary<string, string>();
        var from = RedirectPaths.Normalize(input.From, out var fromProblem);
        var to = RedirectPaths.Target(input.To, out var toProblem);
        if (fromProblem is not null)
        {
            errors[nameof(RedirectInput.From)] = fromProblem;
        }
        else if (await db.Redirects.AnyAsync(r => r.FromPath == from && r.Id != (id ?? 0), cancellationToken))
        {
            errors[nameof(RedirectInput.From)] = "There is already a redirect from that address: change that one instead.";
        }

        if (toProblem is not null)
        {
            errors[nameof(RedirectInput.To)] = toProblem;
        }
        else if (from is not null && to!.StartsWith('/') && RedirectPaths.Key(to) == from)
        {
            errors[nameof(RedirectInput.To)] = "The new address is the old one: the redirect would loop.";
        }

        if (errors.Count > 0)
        {
            return Result.Invalid(errors).As<int>();
        }

        if (redirect is null)
        {
            redirect = new Redirect { FromPath = from!, ToUrl = to!, CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedById = userId };
            db.Redirects.Add(redirect);
        }

        redirect.FromPath = from!;
        redirect.ToUrl = to!;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record(id is null ? AuditAction.RedirectCreated : AuditAction.RedirectUpdated, userId, redirect.Id, $"{redirect.FromPath} → {redirect.ToUrl}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        table.Invalidate();
        return Result.Of(redirect.Id);
    }

    public async Task<Result> DeleteAsync(string? userId, int id, CancellationToken cancellationToken)
    {
        var redirect = await db.Redirects.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (redirect is null)
        {
            return Result.NotFound;
        }

        db.Redirects.Remove(redirect);
        audit.Record(AuditAction.RedirectDeleted, userId, id, $"{redirect.FromPath} → {redirect.ToUrl}");
        await db.SaveChangesAsync(cancellationToken);
        table.Invalidate();
        return Result.Success;
    }

    /// <summary>Stops an old post address from redirecting (it then answers 404, or can be given to another post).</summary>
    public async Task<Result> DeletePostSlugAsync(string? userId, int id, CancellationToken cancellationToken)
    {
        var old = await db.PostSlugRedirects.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (old is null)
        {
            return Result.NotFound;
        }

        db.PostSlugRedirects.Remove(old);
        audit.Record(AuditAction.PostSlugRedirectDeleted, userId, old.PostId, "/posts/" + old.OldSlug);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }
}
