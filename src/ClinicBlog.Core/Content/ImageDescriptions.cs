using AngleSharp.Html.Parser;

namespace ClinicBlog.Core.Content;

/// <summary>Images that readers using a screen reader would meet without a description (an empty or
/// missing alt text). The editor flags them before publishing; it never blocks, since a purely
/// decorative image rightly has none.</summary>
public static class ImageDescriptions
{
    /// <summary>The sources of the images without alt text in rendered, sanitized article HTML.</summary>
    public static IReadOnlyList<string> Missing(string html)
    {
        if (string.IsNullOrEmpty(html) || !html.Contains("<img", StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }

        using var document = new HtmlParser().ParseDocument("<!doctype html><body>" + html);
        return document.QuerySelectorAll("img")
            .Where(img => string.IsNullOrWhiteSpace(img.GetAttribute("alt")))
            .Select(img => img.GetAttribute("src") ?? string.Empty)
            .ToList();
    }
}
