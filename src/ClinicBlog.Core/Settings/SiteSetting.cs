namespace ClinicBlog.Core.Settings;

/// <summary>One setting changed from /admin/settings: its name (as in configuration, such as
/// <c>Title</c> or <c>Comments:MaxLinks</c>) and its value. Absent: configuration's value applies.</summary>
public class SiteSetting
{
    public const int ValueMaxLength = 20_000;

    public required string Key { get; set; }

    public required string Value { get; set; }
}
