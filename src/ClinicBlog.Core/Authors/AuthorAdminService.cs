using System.Globalization;
using ClinicBlog.Core.Audit;
using ClinicBlog.Core.Content;
using ClinicBlog.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace ClinicBlog.Core.Authors;

/// <summary>Creates and edits author profiles, including authors without a login (a reviewing physician).</summary>
public sealed class AuthorAdminService(BlogDbContext db, IAuditLog audit)
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
    public async Task<Result<int>> SaveAsync(
        string userId, int? id, AuthorInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var author = id is null ? null : await db.Authors.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (id is not null && author is null)
        {
            return Result.NotFound.As<int>();
        }

        var profile = Clean(input);
        var errors = await ValidateAsync(id, profile, cancellationToken);
        if (errors.Count > 0)
        {
            return Result.Invalid(errors).As<int>();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (author is null)
        {
            author = new Author { DisplayName = profile.DisplayName, Slug = profile.Slug };
            db.Authors.Add(author);
        }

        author.DisplayName = profile.DisplayName;
        author.Slug = profile.Slug;
        author.Credentials = profile.Credentials;
        author.Bio = profile.Bio;
        author.Photo = profile.Photo;
        await db.SaveChangesAsync(cancellationToken);
        audit.Record(id is null ? AuditAction.AuthorCreated : AuditAction.AuthorUpdated, userId, author.Id);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result.Of(author.Id);
    }

    private sealed record Profile(string DisplayName, string Slug, string? Credentials, string? Bio, string? Photo);

    private static Profile Clean(AuthorInput input)
    {
        var name = TextCleaning.Line(input.DisplayName);
        return new Profile(
            name,
            string.IsNullOrWhiteSpace(input.Slug) ? SlugGenerator.Generate(name) : input.Slug.Trim(),
            NullIfEmpty(TextCleaning.Line(input.Credentials)),
            NullIfEmpty(TextCleaning.Block(input.Bio)),
            NullIfEmpty(input.Photo));
    }

    private async Task<Dictionary<string, string>> ValidateAsync(int? id, Profile profile, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        if (profile.DisplayName.Length is 0 or > Author.DisplayNameMaxLength)
        {
            errors[nameof(AuthorInput.DisplayName)] = $"Enter a display name of at most {Author.DisplayNameMaxLength} characters.";
        }

        if (!SlugGenerator.IsValid(profile.Slug))
        {
            errors[nameof(AuthorInput.Slug)] = "Use lower-case letters, digits and single hyphens, such as dr-jane-doe.";
        }
        else if (await db.Authors.AnyAsync(a => a.Slug == profile.Slug && a.Id != (id ?? 0), cancellationToken))
        {
            errors[nameof(AuthorInput.Slug)] = $"Another author already uses /authors/{profile.Slug}.";
        }

        if (profile.Credentials?.Length > Author.CredentialsMaxLength)
        {
            errors[nameof(AuthorInput.Credentials)] = $"Credentials can be at most {Author.CredentialsMaxLength} characters.";
        }

        if (profile.Bio?.Length > Author.BioMaxLength)
        {
            errors[nameof(AuthorInput.Bio)] = string.Create(CultureInfo.InvariantCulture, $"A bio can be at most {Author.BioMaxLength:N0} characters.");
        }

        if (profile.Photo is not null && !await db.MediaFiles.AnyAsync(m => m.FileName == profile.Photo, cancellationToken))
        {
            errors[nameof(AuthorInput.Photo)] = "Choose a photo from the uploaded images.";
        }

        return errors;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
