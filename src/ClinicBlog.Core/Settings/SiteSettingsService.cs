using System.Globalization;
using ClinicBlog.Core.Audit;
using ClinicBlog.Core.Comments;
using ClinicBlog.Core.Content;
using ClinicBlog.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClinicBlog.Core.Settings;

/// <summary>The blog's settings edited by Admins: validated (messages by field), saved in the database,
/// applied at once to every page (options reread, cached pages evicted), audited with the names of the
/// settings changed. A value configuration forces (<c>Blog:Force:…</c>) cannot be changed here.</summary>
public sealed class SiteSettingsService(
    BlogDbContext db,
    SiteSettingsStore store,
    SiteSettingsOverrides overrides,
    IOptionsMonitor<BlogOptions> blog,
    IOptionsMonitor<CommentOptions> comments,
    IAuditLog audit,
    ISharedChanges changes)
{
    public const int NoticeMaxLength = 2_000;

    public const int TagsMaxLength = 1_000;

    /// <summary>Reads the saved settings into memory (at start).</summary>
    public async Task LoadAsync(CancellationToken cancellationToken) =>
        store.Replace(await db.SiteSettings.AsNoTracking().ToDictionaryAsync(s => s.Key, s => s.Value, StringComparer.Ordinal, cancellationToken));

    /// <summary>The settings in effect, as the form shows them.</summary>
    public SettingsInput Current()
    {
        var b = blog.CurrentValue;
        var c = comments.CurrentValue;
        return new SettingsInput
        {
            Title = b.Title, Description = b.Description, Publisher = b.Publisher, Logo = b.Logo,
            PageSize = b.PageSize.ToString(CultureInfo.InvariantCulture), MedicalDisclaimer = b.MedicalDisclaimer,
            CrisisNotice = b.CrisisNotice,
            CrisisTags = string.Join(", ", b.CrisisTags.Count > 0 ? b.CrisisTags : BlogOptions.DefaultCrisisTags),
            PrivacyNotice = b.PrivacyNotice, CommentPolicy = b.CommentPolicy,
            CommentsCloseAfterDays = c.CloseAfterDays?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            CommentsMaxLinks = c.MaxLinks.ToString(CultureInfo.InvariantCulture),
        };
    }

    /// <summary>The settings configuration forces, by key.</summary>
    public IReadOnlySet<string> ForcedKeys() =>
        SettingKeys.All.Where(k => overrides.Forced(k) is not null).ToHashSet(StringComparer.Ordinal);

    public async Task<Result> SaveAsync(string? userId, SettingsInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string>();
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [SettingKeys.Title] = Line(input.Title, nameof(input.Title), 80, required: "Give the blog a name.", errors),
            [SettingKeys.Description] = Line(input.Description, nameof(input.Description), 300, required: null, errors),
            [SettingKeys.Publisher] = Line(input.Publisher, nameof(input.Publisher), 120, required: "Name who publishes the blog (the clinic).", errors),
            [SettingKeys.Logo] = TextCleaning.Line(input.Logo),
            [SettingKeys.PageSize] = Number(input.PageSize, nameof(input.PageSize), 1, 100, "Articles per page", allowEmpty: false, errors),
            [SettingKeys.MedicalDisclaimer] = Block(input.MedicalDisclaimer, nameof(input.MedicalDisclaimer), NoticeMaxLength, "The medical disclaimer cannot be empty: it is shown under every article.", errors),
            [SettingKeys.CrisisNotice] = Block(input.CrisisNotice, nameof(input.CrisisNotice), NoticeMaxLength, "The crisis notice cannot be empty.", errors),
            [SettingKeys.CrisisTags] = string.Join(", ", SettingKeys.SplitList(input.CrisisTags)),
            [SettingKeys.PrivacyNotice] = Block(input.PrivacyNotice, nameof(input.PrivacyNotice), SiteSetting.ValueMaxLength, null, errors),
            [SettingKeys.CommentPolicy] = Block(input.CommentPolicy, nameof(input.CommentPolicy), SiteSetting.ValueMaxLength, null, errors),
            [SettingKeys.CommentsCloseAfterDays] = Number(input.CommentsCloseAfterDays, nameof(input.CommentsCloseAfterDays), 1, 36_500, "Days before comments close", allowEmpty: true, errors),
            [SettingKeys.CommentsMaxLinks] = Number(input.CommentsMaxLinks, nameof(input.CommentsMaxLinks), 0, 100, "Links allowed in a comment", allowEmpty: false, errors),
        };
        if (values[SettingKeys.CrisisTags].Length > TagsMaxLength)
        {
            errors[nameof(input.CrisisTags)] = $"The crisis tags can be at most {TagsMaxLength} characters.";
        }

        if (values[SettingKeys.Logo].Length > 0 && !await db.MediaFiles.AnyAsync(m => m.FileName == values[SettingKeys.Logo], cancellationToken))
        {
            errors[nameof(input.Logo)] = "Choose the logo among the uploaded images.";
        }

        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }

        var forced = ForcedKeys();
        var before = ByKey(Current());
        var changed = values.Where(v => !forced.Contains(v.Key) && before[v.Key] != v.Value).Select(v => v.Key).ToList();
        if (changed.Count == 0)
        {
            return Result.Success;
        }

        var rows = await db.SiteSettings.Where(s => changed.Contains(s.Key)).ToDictionaryAsync(s => s.Key, cancellationToken);
        foreach (var key in changed)
        {
            if (rows.TryGetValue(key, out var row))
            {
                row.Value = values[key];
            }
            else
            {
                db.SiteSettings.Add(new SiteSetting { Key = key, Value = values[key] });
            }
        }

        var saved = new Dictionary<string, string>(store.Values, StringComparer.Ordinal);
        foreach (var key in changed)
        {
            saved[key] = values[key];
        }

        audit.Record(AuditAction.SettingsChanged, userId, "settings", string.Join(", ", changed));
        // The options change before the commit, whose eviction of cached pages then cannot be followed by
        // a page rendered with the old settings.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        store.Replace(saved);
        try
        {
            await transaction.CommitAsync(cancellationToken);
        }
        catch
        {
            await LoadAsync(CancellationToken.None);
            throw;
        }

        changes.Announce(SharedChange.Settings);
        return Result.Success;
    }

    /// <summary>A form's values by setting key (empty for none), to compare with what is saved.</summary>
    private static Dictionary<string, string> ByKey(SettingsInput input) => new(StringComparer.Ordinal)
    {
        [SettingKeys.Title] = input.Title ?? string.Empty, [SettingKeys.Description] = input.Description ?? string.Empty,
        [SettingKeys.Publisher] = input.Publisher ?? string.Empty, [SettingKeys.Logo] = input.Logo ?? string.Empty,
        [SettingKeys.PageSize] = input.PageSize ?? string.Empty, [SettingKeys.MedicalDisclaimer] = input.MedicalDisclaimer ?? string.Empty,
        [SettingKeys.CrisisNotice] = input.CrisisNotice ?? string.Empty, [SettingKeys.CrisisTags] = input.CrisisTags ?? string.Empty,
        [SettingKeys.PrivacyNotice] = input.PrivacyNotice ?? string.Empty, [SettingKeys.CommentPolicy] = input.CommentPolicy ?? string.Empty,
        [SettingKeys.CommentsCloseAfterDays] = input.CommentsCloseAfterDays ?? string.Empty, [SettingKeys.CommentsMaxLinks] = input.CommentsMaxLinks ?? string.Empty,
    };

    private static string Line(string? typed, string field, int max, string? required, Dictionary<string, string> errors)
    {
        var value = TextCleaning.Line(typed);
        if (value.Length == 0 && required is not null)
        {
            errors[field] = required;
        }
        else if (value.Length > max)
        {
            errors[field] = $"At most {max} characters (this has {value.Length}).";
        }

        return value;
    }

    private static string Block(string? typed, string field, int max, string? required, Dictionary<string, string> errors)
    {
        var value = TextCleaning.Block(typed).Trim();
        if (value.Length == 0 && required is not null)
        {
            errors[field] = required;
        }
        else if (value.Length > max)
        {
            errors[field] = string.Create(CultureInfo.InvariantCulture, $"At most {max:N0} characters (this has {value.Length:N0}).");
        }

        return value;
    }

    private static string Number(string? typed, string field, int min, int max, string what, bool allowEmpty, Dictionary<string, string> errors)
    {
        var text = (typed ?? string.Empty).Trim();
        if (text.Length == 0 && allowEmpty)
        {
            return string.Empty;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            errors[field] = string.Create(CultureInfo.InvariantCulture, $"{what}: a whole number from {min} to {max}{(allowEmpty ? ", or empty" : string.Empty)}.");
            return text;
        }

        return value.ToString(CultureInfo.InvariantCulture);
    }
}
