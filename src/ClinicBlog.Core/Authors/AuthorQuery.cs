using ClinicBlog.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace ClinicBlog.Core.Authors;

/// <summary>Reads author profiles for the public author pages.</summary>
public sealed class AuthorQuery(BlogDbContext db)
{
    public Task<AuthorProfile?> FindBySlugAsync(string slug, CancellationToken cancellationToken) =>
        db.Authors.AsNoTracking().Where(a => a.Slug == slug)
            .Select(a => new AuthorProfile(a.Id, a.DisplayName, a.Slug, a.Credentials, a.Bio, a.Photo))
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>Slugs of authors with at least one post, for the sitemap.</summary>
    public Task<List<string>> SlugsWithPostsAsync(CancellationToken cancellationToken) =>
        db.Authors.AsNoTracking().Where(a => a.Posts.Any(p => p.Status == Posts.PostStatus.Published))
            .OrderBy(a => a.Slug).Select(a => a.Slug).ToListAsync(cancellationToken);
}
