using System.Globalization;
using ClinicBlog.Core.Audit;
using ClinicBlog.Core.Content;
using ClinicBlog.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace ClinicBlog.Core.Authors;

/// <summary>The author profile form.</summary>
public sealed class AuthorInput
{
    public string? DisplayName { get; set; }

    public string? Slug { get; set; }

    public string? Credentials { get; set; }

    public string? Bio { get; set; }

    public string? Photo { get; set; }
}

/// <summary>An author as the staff list shows it.</summary>
public sealed record AuthorListItem(int Id, string DisplayName, string Slug, string? Credentials, int Posts, string? LoginEmail);

/// <summary>Creates and edits author profiles, including authors without a login (a reviewing physician).</summary>
public sealed class AuthorAdminService(BlogDbContext db, Content.IPublicContentCache cache, TimeProvider clock)
{
    public Task<List<AuthorListItem>> ListAsync(CancellationToken cancellationToken) =>
        db.Authors.AsNoTracking().OrderBy(a => a.DisplayName)
            .Select(a => new AuthorListItem(a.Id, a.DisplayName, a.Slug, a.Credentials, a.Posts.Count,
                db.Users.Where(u => u.AuthorId == a.Id).Select(u => u.Email).FirstOrDefault()))
            .ToListAsync(cancellationToken);

    public Task<AuthorInput?> FindAsync(int id, CancellationToken cancellationToken) =>
        db.Authors.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new AuthorInput { DisplayName = a.DisplayName, Slug = a.Slug, Credentials = a.Credentials, Bio = a.Bio, Photo = a.Photo })
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>Saves a profile; returns its id, or the messages per field.</summary>
    public async Task<(int? Id, IReadOnlyDictionary<string, string> Errors)> SaveAsync(
        string userId, int? id, AuthorInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var name = Content.TextCleaning.Line(input.DisplayName);
        var slug = string.IsNullOrWhiteSpace(input.Slug) ? SlugGenerator.Generate(name) : input.Slug.Trim();
        var credentials = NullIfEmpty(Content.TextCleaning.Line(input.Credentials));
        var bio = NullIfEmpty(Content.TextCleaning.Block(input.Bio));
        var photo = NullIfEmpty(input.Photo);
        var errors = new Dictionary<string, string>();
        if (name.Length is 0 or > 100)
        {
            errors[nameof(AuthorInput.DisplayName)] = "Enter a display name of at most 100 characters.";
        }

        if (!SlugGenerator.IsValid(slug))
        {
            errors[nameof(AuthorInput.Slug)] = "Use lower-case letters, digits and single hyphens, such as dr-jane-doe.";
        }
        else if (await db.Authors.AnyAsync(a => a.Slug == slug && a.Id != (id ?? 0), cancellationToken))
        {
            errors[nameof(AuthorInput.Slug)] = $"Another author already uses /authors/{slug}.";
        }

        if (credentials?.Length > 150)
        {
            errors[nameof(AuthorInput.Credentials)] = "Credentials can be at most 150 characters.";
        }

        if (bio?.Length > 4_000)
        {
            errors[nameof(AuthorInput.Bio)] = "A bio can be at most 4,000 characters.";
        }

        if (photo is not null && !await db.MediaFiles.AnyAsync(m => m.FileName == photo, cancellationToken))
        {
            errors[nameof(AuthorInput.Photo)] = "Choose a photo from the uploaded images.";
        }

        Author? author = null;
        if (id is not null && (author = await db.Authors.SingleOrDefaultAsync(a => a.Id == id, cancellationToken)) is null)
        {
            errors[string.Empty] = "That author no longer exists.";
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        if (author is null)
        {
            author = new Author { DisplayName = name, Slug = slug };
            db.Authors.Add(author);
        }

        author.DisplayName = name;
        author.Slug = slug;
        author.Credentials = credentials;
        author.Bio = bio;
        author.Photo = photo;
        await db.SaveChangesAsync(cancellationToken);
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            UserId = userId,
            Action = id is null ? "author.created" : "author.updated",
            EntityType = nameof(Author),
            EntityId = author.Id.ToString(CultureInfo.InvariantCulture),
        });
        await db.SaveChangesAsync(cancellationToken);
        await cache.PostsChangedAsync(cancellationToken);
        return (author.Id, new Dictionary<string, string>());
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
