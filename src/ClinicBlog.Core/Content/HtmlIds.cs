using AngleSharp.Html.Parser;

namespace ClinicBlog.Core.Content;

/// <summary>Rendered article HTML shown a second time on one page (the editor's live preview beside the
/// full preview) must not repeat its ids: each id, and every in-page link to one, gets a prefix.</summary>
public static class HtmlIds
{
    public static string Prefixed(string html, string prefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        if (string.IsNullOrEmpty(html) || !html.Contains("id=", StringComparison.Ordinal))
        {
            return html ?? string.Empty;
        }

        using var document = new HtmlParser().ParseDocument("<!doctype html><body>" + html);
        foreach (var element in document.QuerySelectorAll("[id]"))
        {
            element.Id = prefix + element.Id;
        }

        foreach (var link in document.QuerySelectorAll("a[href^='#']"))
        {
            link.SetAttribute("href", "#" + prefix + link.GetAttribute("href")![1..]);
        }

        return document.Body!.InnerHtml;
    }
}
