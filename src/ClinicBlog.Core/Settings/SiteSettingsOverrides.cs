using System.Globalization;
using ClinicBlog.Core.Comments;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ClinicBlog.Core.Settings;

/// <summary>Lays the admin's saved settings over configuration's, and configuration's forced values
/// (<c>Blog:Force:…</c>) over those: configuration gives the defaults and can still insist.</summary>
public sealed class SiteSettingsOverrides(SiteSettingsStore store, IConfiguration configuration) :
    IPostConfigureOptions<BlogOptions>, IPostConfigureOptions<CommentOptions>
{
    public const string ForceSection = "Blog:Force";

    /// <summary>The value that wins for a setting: forced by configuration, else saved in the admin, else null.</summary>
    public string? Override(string key) =>
        Forced(key) ?? store.Values.GetValueOrDefault(key);

    /// <summary>The value configuration forces for a setting, or null.</summary>
    public string? Forced(string key) => configuration[$"{ForceSection}:{key}"];

    public void PostConfigure(string? name, BlogOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Apply(SettingKeys.Title, v => options.Title = v);
        Apply(SettingKeys.Description, v => options.Description = v);
        Apply(SettingKeys.Publisher, v => options.Publisher = v);
        Apply(SettingKeys.Logo, v => options.Logo = v.Length == 0 ? null : v);
        Apply(SettingKeys.PageSize, v => options.PageSize = int.Parse(v, CultureInfo.InvariantCulture));
        Apply(SettingKeys.MedicalDisclaimer, v => options.MedicalDisclaimer = v);
        Apply(SettingKeys.CrisisNotice, v => options.CrisisNotice = v);
        Apply(SettingKeys.CrisisTags, v => options.CrisisTags = SettingKeys.SplitList(v));
        Apply(SettingKeys.PrivacyNotice, v => options.PrivacyNotice = v.Length == 0 ? null : v);
        Apply(SettingKeys.CommentPolicy, v => options.CommentPolicy = v.Length == 0 ? null : v);
    }

    public void PostConfigure(string? name, CommentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Apply(SettingKeys.CommentsCloseAfterDays, v => options.CloseAfterDays = v.Length == 0 ? null : int.Parse(v, CultureInfo.InvariantCulture));
        Apply(SettingKeys.CommentsMaxLinks, v => options.MaxLinks = int.Parse(v, CultureInfo.InvariantCulture));
    }

    private void Apply(string key, Action<string> set)
    {
        if (Override(key) is { } value)
        {
            set(value);
        }
    }
}
