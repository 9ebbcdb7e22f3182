using ClinicBlog.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace ClinicBlog.Core.Authors;

/// <summary>An author's public profile.</summary>
public sealed record AuthorProfile(int Id, string DisplayName, string Slug, string? Credentials, string? Bio, string? Photo = null);

/// <summary>Reads author profiles for the public author pages.</summary>
public sealed class AuthorQuery(BlogDbContext db)
{
    public Task<AuthorProfile?> FindBySlugAsync(string slug, CancellationToken cancellationToken) =>
        db.Authors.AsNoTracking().Where(a => a.Slug == slug)
            .Select(a => new AuthorProfile(a.Id, a.DisplayName, a.Slug, a.Credentials, a.Bio, a.Photo))
            .SingleOrDefaultAsync(cancellationToken);
}
