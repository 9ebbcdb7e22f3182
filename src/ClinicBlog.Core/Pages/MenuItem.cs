namespace ClinicBlog.Core.Pages;

/// <summary>A link staff put in the site's header menu or footer, in the order they chose.</summary>
public class MenuItem
{
    public const int LabelMaxLength = 60;

    public const int UrlMaxLength = 2_000;

    public int Id { get; set; }

    public MenuLocation Location { get; set; }

    public int Position { get; set; }

    public required string Label { get; set; }

    /// <summary>A path on this blog (<c>/about-us</c>, <c>/tags/anxiety</c>) or an http(s) address.</summary>
    public required string Url { get; set; }
}
