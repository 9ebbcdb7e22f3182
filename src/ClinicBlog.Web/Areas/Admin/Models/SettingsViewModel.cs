using ClinicBlog.Core.Media;
using ClinicBlog.Core.Settings;

namespace ClinicBlog.Web.Areas.Admin.Models;

/// <summary>The settings form: the values as typed or in effect, the ones configuration forces, and the
/// uploaded images a logo can be chosen from.</summary>
public sealed class SettingsViewModel : SettingsInput
{
    public SettingsViewModel(SettingsInput input, IReadOnlySet<string> forced, IReadOnlyList<MediaListItem> images)
    {
        CopyFrom(input);
        Forced = forced;
        Images = images;
    }

    public IReadOnlySet<string> Forced { get; }

    public IReadOnlyList<MediaListItem> Images { get; }

    public string? Message { get; init; }

    /// <summary>The configuration name that forces a setting, such as <c>Blog:Force:Title</c>.</summary>
    public static string ForceName(string key) => $"{SiteSettingsOverrides.ForceSection}:{key}";
}
