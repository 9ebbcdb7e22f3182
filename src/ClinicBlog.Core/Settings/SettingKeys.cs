namespace ClinicBlog.Core.Settings;

/// <summary>The settings the admin edits, by their configuration names under <c>Blog</c>.</summary>
public static class SettingKeys
{
    public const string Title = "Title";
    public const string Description = "Description";
    public const string Publisher = "Publisher";
    public const string Logo = "Logo";
    public const string PageSize = "PageSize";
    public const string MedicalDisclaimer = "MedicalDisclaimer";
    public const string CrisisNotice = "CrisisNotice";
    public const string CrisisTags = "CrisisTags";
    public const string PrivacyNotice = "PrivacyNotice";
    public const string CommentPolicy = "CommentPolicy";
    public const string CommentsCloseAfterDays = "Comments:CloseAfterDays";
    public const string CommentsMaxLinks = "Comments:MaxLinks";

    public static IReadOnlyList<string> All { get; } =
    [
        Title, Description, Publisher, Logo, PageSize, MedicalDisclaimer, CrisisNotice, CrisisTags,
        PrivacyNotice, CommentPolicy, CommentsCloseAfterDays, CommentsMaxLinks,
    ];

    /// <summary>A comma-separated list, trimmed, empty entries and repeats left out.</summary>
    public static List<string> SplitList(string? value) =>
        (value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}
