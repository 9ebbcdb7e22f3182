using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace ClinicBlog.Core.Import;

/// <summary>What WordPress adds to an article's HTML, turned into the plain HTML a reader saw: block
/// comments dropped, classic paragraphs restored (WordPress's <c>wpautop</c>), <c>[caption]</c> made a
/// figure, <c>[embed]</c>/<c>[video]</c>/<c>[audio]</c> and iframes made links (nothing here runs
/// third-party players), <c>[gallery]</c> made its images, and the excerpt marker found.</summary>
public static partial class WordPressMarkup
{
    private const string BlockTags =
        "table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary|script|iframe|video|audio";

    /// <summary>The article as plain HTML with the text before <c>&lt;!--more--&gt;</c>, if it has the marker.</summary>
    /// <param name="content">The post's <c>content:encoded</c>.</param>
    /// <param name="attachments">Attachment ids to their file URLs, for <c>[gallery ids="…"]</c>.</param>
    /// <param name="shortcodesLeft">Receives the names of shortcodes left as text (no meaning here).</param>
    public static (string Html, string? BeforeMore) ToHtml(string content, IReadOnlyDictionary<long, string> attachments, ISet<string> shortcodesLeft)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(shortcodesLeft);
        var text = content.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var isBlocks = text.Contains("<!-- wp:", StringComparison.Ordinal);
        text = BlockComment().Replace(text, string.Empty);
        text = NextPage().Replace(text, "\n\n");
        text = Caption().Replace(text, FigureOf);
        text = Embed().Replace(text, m => "\n\n<p>" + Link(System.Net.WebUtility.HtmlDecode(m.Groups[1].Value.Trim())) + "</p>\n\n");
        text = Media().Replace(text, m => Attribute(m.Groups[2].Value, "src") is { } src ? "\n\n<p>" + Link(src) + "</p>\n\n" : string.Empty);
        text = Gallery().Replace(text, m => GalleryOf(m.Groups[1].Value, attachments));
        foreach (Match left in Shortcode().Matches(text))
        {
            shortcodesLeft.Add(left.Groups[1].Success ? left.Groups[1].Value : left.Groups[2].Value);
        }

        string? beforeMore = null;
        var more = More().Match(text);
        if (more.Success)
        {
            beforeMore = isBlocks ? text[..more.Index] : AutoParagraphs(text[..more.Index]);
            text = More().Replace(text, "\n\n");
        }

        return (isBlocks ? text : AutoParagraphs(text), beforeMore);
    }

    /// <summary>Makes the parsed article safe to convert: embedded players and iframes become links to
    /// what they showed, WordPress's <c>srcset</c> (pointing at the old site) goes, scripts go.</summary>
    public static void Normalize(IElement body)
    {
        ArgumentNullException.ThrowIfNull(body);
        foreach (var element in body.QuerySelectorAll("script, style, noscript").ToList())
        {
            element.Remove();
        }

        foreach (var frame in body.QuerySelectorAll("iframe, video, audio, embed, object").ToList())
        {
            var src = frame.GetAttribute("src") ?? frame.GetAttribute("data") ?? frame.QuerySelector("source[src]")?.GetAttribute("src");
            if (string.IsNullOrWhiteSpace(src) || !Uri.TryCreate(src, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                frame.Remove();
                continue;
            }

            var link = body.Owner!.CreateElement("a");
            link.SetAttribute("href", uri.AbsoluteUri);
            link.TextContent = frame.GetAttribute("title") is { Length: > 0 } title ? title : uri.AbsoluteUri;
            frame.Replace(link);
        }

        // An embed block shows its URL as text inside a wrapper: readers saw the player, so they get a link.
        foreach (var wrapper in body.QuerySelectorAll(".wp-block-embed__wrapper").ToList())
        {
            var url = wrapper.TextContent.Trim();
            if (wrapper.Children.Length == 0 && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            {
                var p = body.Owner!.CreateElement("p");
                p.InnerHtml = Link(uri.AbsoluteUri);
                wrapper.Replace(p);
            }
        }

        foreach (var img in body.QuerySelectorAll("img").ToList())
        {
            img.RemoveAttribute("srcset");
            img.RemoveAttribute("sizes");
        }
    }

    /// <summary>A comment's HTML: WordPress keeps comments as text with line breaks and a little markup.</summary>
    public static string CommentHtml(string content) =>
        AutoParagraphs((content ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'));

    /// <summary>WordPress's classic editor keeps paragraphs as blank lines and line breaks as newlines
    /// (<c>wpautop</c> adds the tags when the page is shown): the same, for the common cases.</summary>
    private static string AutoParagraphs(string text)
    {
        var preserved = new List<string>();
        text = Preformatted().Replace(text, m =>
        {
            preserved.Add(m.Value);
            return "\n\n\u0001" + (preserved.Count - 1) + "\u0001\n\n";
        });
        text = BlockOpen().Replace(text, "\n\n$1");
        text = BlockClose().Replace(text, "$1\n\n");
        var output = new StringBuilder(text.Length + 64);
        foreach (var chunk in ParagraphBreak().Split(text))
        {
            var part = chunk.Trim('\n', ' ', '\t');
            if (part.Length == 0)
            {
                continue;
            }

            if (PreservedMarker().Match(part) is { Success: true } marker)
            {
                output.Append(preserved[int.Parse(marker.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)]).Append('\n');
            }
            else if (StartsWithBlock().IsMatch(part))
            {
                output.Append(part).Append('\n');
            }
            else
            {
                output.Append("<p>").Append(part.Replace("\n", "<br />\n", StringComparison.Ordinal)).Append("</p>\n");
            }
        }

        return output.ToString();
    }

    private static string FigureOf(Match match)
    {
        var attributes = match.Groups[1].Value;
        var inner = match.Groups[2].Value.Trim();
        var image = CaptionImage().Match(inner);
        if (!image.Success)
        {
            return inner;
        }

        var caption = Attribute(attributes, "caption") ?? image.Groups[2].Value.Trim();
        return "\n\n<figure>" + image.Groups[1].Value + (caption.Length > 0 ? "<figcaption>" + caption + "</figcaption>" : string.Empty) + "</figure>\n\n";
    }

    private static string GalleryOf(string attributes, IReadOnlyDictionary<long, string> attachments)
    {
        var ids = (Attribute(attributes, "ids") ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var images = ids.Select(id => long.TryParse(id, System.Globalization.CultureInfo.InvariantCulture, out var n) ? attachments.GetValueOrDefault(n) : null)
            .OfType<string>()
            .Select(url => "<img src=\"" + System.Net.WebUtility.HtmlEncode(url) + "\" alt=\"\">")
            .ToList();
        return images.Count == 0 ? string.Empty : "\n\n<p>" + string.Join("\n", images) + "</p>\n\n";
    }

    private static string Link(string url)
    {
        var encoded = System.Net.WebUtility.HtmlEncode(url);
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? "<a href=\"" + encoded + "\">" + encoded + "</a>"
            : encoded;
    }

    private static string? Attribute(string attributes, string name)
    {
        var match = Regex.Match(attributes, @"\b" + Regex.Escape(name) + @"\s*=\s*(?:""([^""]*)""|'([^']*)'|([^\s\]]+))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return match.Success ? System.Net.WebUtility.HtmlDecode(match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Success ? match.Groups[2].Value : match.Groups[3].Value) : null;
    }

    [GeneratedRegex(@"<!--\s*/?wp:[^>]*?-->\n?", RegexOptions.CultureInvariant)]
    private static partial Regex BlockComment();

    [GeneratedRegex(@"<!--\s*more(?:\s[^>]*)?-->", RegexOptions.CultureInvariant)]
    private static partial Regex More();

    [GeneratedRegex(@"<!--\s*nextpage\s*-->", RegexOptions.CultureInvariant)]
    private static partial Regex NextPage();

    [GeneratedRegex(@"\[(?:wp_)?caption([^\]]*)\](.*?)\[/(?:wp_)?caption\]", RegexOptions.Singleline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Caption();

    [GeneratedRegex(@"^((?:<a\s[^>]*>\s*)?<img\s[^>]*>(?:\s*</a>)?)(.*)$", RegexOptions.Singleline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex CaptionImage();

    [GeneratedRegex(@"\[embed[^\]]*\](.*?)\[/embed\]", RegexOptions.Singleline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Embed();

    [GeneratedRegex(@"\[(video|audio)(\s[^\]]*)?\](?:.*?\[/\1\])?", RegexOptions.Singleline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Media();

    [GeneratedRegex(@"\[gallery(\s[^\]]*)?\]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Gallery();

    /// <summary>A shortcode with attributes or a closing tag: a plugin's, which means nothing here.</summary>
    [GeneratedRegex(@"\[([a-z][a-z0-9_-]{1,40})\s+[a-z_-]+=[^\]]*\]|\[([a-z][a-z0-9_-]{1,40})\][^\[]*\[/\2\]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Shortcode();

    [GeneratedRegex(@"<pre[\s>].*?</pre>", RegexOptions.Singleline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Preformatted();

    [GeneratedRegex(@"^\u0001(\d+)\u0001$")]
    private static partial Regex PreservedMarker();

    [GeneratedRegex(@"(<(?:" + BlockTags + @")[\s/>])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex BlockOpen();

    [GeneratedRegex(@"(</(?:" + BlockTags + @")>)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex BlockClose();

    [GeneratedRegex(@"^</?(?:" + BlockTags + @")[\s/>]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex StartsWithBlock();

    [GeneratedRegex(@"\n\s*\n")]
    private static partial Regex ParagraphBreak();
}
