using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace ClinicBlog.Core.Import;

/// <summary>Turns article HTML into the Markdown staff edit here: paragraphs, headings, emphasis, links,
/// images, lists, quotes, code and rules become Markdown; what Markdown cannot say (tables, figures with
/// captions, definition lists, embedded media) stays as raw HTML, which posts allow and the sanitizer
/// cleans. Comments allow no HTML, so there such parts keep their text.</summary>
public static partial class HtmlToMarkdown
{
    private static readonly HashSet<string> InlineTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "del", "dfn", "em", "font", "i", "img", "ins", "kbd",
        "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr",
    };

    /// <summary>Elements that start an HTML block by themselves in Markdown (CommonMark's block type 6).</summary>
    private static readonly HashSet<string> HtmlBlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "address", "article", "aside", "blockquote", "details", "dialog", "dd", "div", "dl", "dt", "fieldset",
        "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav",
        "ol", "p", "section", "summary", "table", "ul",
    };

    private static readonly HashSet<string> Unwrapped = new(StringComparer.OrdinalIgnoreCase)
    {
        "div", "section", "article", "main", "header", "footer", "aside", "center",
    };

    /// <summary>The Markdown for an HTML fragment.</summary>
    /// <param name="html">Clean HTML (WordPress's markup already turned into plain HTML).</param>
    /// <param name="allowHtml">False for comments: parts Markdown cannot express keep only their text.</param>
    public static string Convert(string html, bool allowHtml = true)
    {
        using var document = new HtmlParser().ParseDocument("<!doctype html><body>" + html);
        return Convert(document.Body!, allowHtml);
    }

    public static string Convert(IElement container, bool allowHtml)
    {
        ArgumentNullException.ThrowIfNull(container);
        return string.Join("\n\n", Blocks(container, allowHtml)).Trim() + "\n";
    }

    /// <summary>The HTML itself as a post body: each top-level element one raw HTML block (what Markdown
    /// passes through untouched), loose text in paragraphs. Used when the Markdown would not read back the same.</summary>
    public static string AsHtmlBlocks(IElement container)
    {
        ArgumentNullException.ThrowIfNull(container);
        var blocks = new List<string>();
        var run = new List<INode>();
        foreach (var node in container.ChildNodes)
        {
            if (node is IElement element && !InlineTags.Contains(element.LocalName))
            {
                if (run.Count > 0 && string.Concat(run.Select(n => n.TextContent)).Trim().Length > 0)
                {
                    blocks.Add("<p>" + string.Concat(run.Select(Html)).Trim() + "</p>");
                }

                run.Clear();
                Add(blocks, null, element, allowHtml: true);
            }
            else if (node is IText or IElement)
            {
                run.Add(node);
            }
        }

        if (run.Count > 0 && string.Concat(run.Select(n => n.TextContent)).Trim().Length > 0)
        {
            blocks.Add("<p>" + string.Concat(run.Select(Html)).Trim() + "</p>");
        }

        return string.Join("\n\n", blocks) + "\n";
    }

    private static List<string> Blocks(INode parent, bool allowHtml)
    {
        var blocks = new List<string>();
        var run = new List<INode>();
        foreach (var node in parent.ChildNodes)
        {
            if (node is IElement element && !InlineTags.Contains(element.LocalName))
            {
                FlushRun(run, blocks, allowHtml);
                Block(element, blocks, allowHtml);
            }
            else if (node is IText or IElement)
            {
                run.Add(node);
            }
        }

        FlushRun(run, blocks, allowHtml);
        return blocks;
    }

    private static void FlushRun(List<INode> run, List<string> blocks, bool allowHtml)
    {
        if (run.Count == 0)
        {
            return;
        }

        var text = Inline(run, allowHtml);
        if (text is null)
        {
            // Inline markup Markdown cannot write: the run is kept as it was, in a paragraph.
            blocks.Add(allowHtml ? "<p>" + string.Concat(run.Select(Html)) + "</p>" : Paragraph(Escape(Collapse(string.Concat(run.Select(n => n.TextContent))))));
        }
        else if (text.Length > 0)
        {
            blocks.Add(text);
        }

        run.Clear();
    }

    private static void Block(IElement element, List<string> blocks, bool allowHtml)
    {
        var name = element.LocalName;
        switch (name)
        {
            case "script" or "style" or "template" or "noscript" or "link" or "meta":
                return;
            case "p":
                Add(blocks, Inline(element.ChildNodes, allowHtml), element, allowHtml);
                return;
            case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
            {
                var text = Inline(element.ChildNodes, allowHtml);
                var level = name[1] - '0';
                Add(blocks, text is null || text.Contains('\n', StringComparison.Ordinal) ? null : text.Length == 0 ? string.Empty : new string('#', level) + " " + text, element, allowHtml);
                return;
            }

            case "hr":
                blocks.Add("---");
                return;
            case "pre":
                blocks.Add(Fence(element));
                return;
            case "blockquote":
            {
                var inner = Blocks(element, allowHtml);
                if (inner.Count > 0)
                {
                    blocks.Add(string.Join('\n', string.Join("\n\n", inner).Split('\n').Select(line => line.Length == 0 ? ">" : "> " + line)));
                }

                return;
            }

            case "ul" or "ol":
                Add(blocks, List(element, allowHtml), element, allowHtml);
                return;
            case "figure" when element.QuerySelector("figcaption") is null && element.Children.Length == 1 && element.Children[0].LocalName is "img" or "a":
                Add(blocks, Inline(element.ChildNodes, allowHtml), element, allowHtml);
                return;
        }

        if (Unwrapped.Contains(name))
        {
            blocks.AddRange(Blocks(element, allowHtml));
            return;
        }

        Add(blocks, null, element, allowHtml);
    }

    /// <summary>Adds the Markdown, or when there is none, the element as raw HTML (or, without HTML, its text).</summary>
    private static void Add(List<string> blocks, string? markdown, IElement element, bool allowHtml)
    {
        if (markdown is not null)
        {
            if (markdown.Length > 0)
            {
                blocks.Add(markdown);
            }

            return;
        }

        if (!allowHtml)
        {
            var inner = Blocks(element, allowHtml: false);
            if (inner.Count == 0 && Collapse(element.TextContent) is { Length: > 0 } text)
            {
                inner.Add(Paragraph(Escape(text)));
            }

            blocks.AddRange(inner);
            return;
        }

        // A blank line would end the HTML block early; inside these elements it means nothing to a reader.
        var html = BlankLines().Replace(element.OuterHtml, "\n");
        blocks.Add(HtmlBlockTags.Contains(element.LocalName) ? html : "<div>\n" + html + "\n</div>");
    }

    private static string Fence(IElement pre)
    {
        var code = pre.TextContent.TrimEnd('\n');
        var language = (pre.QuerySelector("code")?.ClassList ?? pre.ClassList)
            .Select(c => c.StartsWith("language-", StringComparison.Ordinal) ? c["language-".Length..] : null)
            .FirstOrDefault(c => c is not null && LanguageName().IsMatch(c));
        var longest = Backticks().Matches(code).Select(m => m.Length).DefaultIfEmpty(0).Max();
        var fence = new string('`', Math.Max(3, longest + 1));
        return fence + language + "\n" + code + "\n" + fence;
    }

    private static string? List(IElement list, bool allowHtml)
    {
        var ordered = list.LocalName == "ol";
        var number = ordered && int.TryParse(list.GetAttribute("start"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var start) && start is >= 0 and < 1_000_000 ? start : 1;
        var items = new List<string>();
        var loose = list.Children.Any(li => li.Children.Any(c => c.LocalName == "p"));
        foreach (var item in list.Children)
        {
            if (item.LocalName != "li")
            {
                return null;
            }

            var parts = new List<string>();
            var run = new List<INode>();
            foreach (var node in item.ChildNodes)
            {
                if (node is IElement child && !InlineTags.Contains(child.LocalName))
                {
                    if (!FlushItemRun(run, parts, allowHtml))
                    {
                        return null;
                    }

                    var part = child.LocalName switch
                    {
                        "p" => Inline(child.ChildNodes, allowHtml),
                        "ul" or "ol" => List(child, allowHtml),
                        _ => null,
                    };
                    if (part is null)
                    {
                        return null;
                    }

                    if (part.Length > 0)
                    {
                        parts.Add(part);
                    }
                }
                else
                {
                    run.Add(node);
                }
            }

            if (!FlushItemRun(run, parts, allowHtml))
            {
                return null;
            }

            var marker = ordered ? number.ToString(CultureInfo.InvariantCulture) + ". " : "- ";
            number++;
            var indent = new string(' ', marker.Length);
            var body = string.Join(loose ? "\n\n" : "\n", parts);
            var lines = body.Split('\n');
            items.Add(marker + lines[0] + string.Concat(lines.Skip(1).Select(l => "\n" + (l.Length == 0 ? string.Empty : indent + l))));
        }

        return items.Count == 0 ? string.Empty : string.Join(loose ? "\n\n" : "\n", items);
    }

    private static bool FlushItemRun(List<INode> run, List<string> parts, bool allowHtml)
    {
        if (run.Count == 0)
        {
            return true;
        }

        var text = Inline(run, allowHtml);
        run.Clear();
        if (text is null)
        {
            return false;
        }

        if (text.Length > 0)
        {
            parts.Add(text);
        }

        return true;
    }

    /// <summary>The Markdown of inline content, or null when part of it has no Markdown form (and HTML is not allowed there).</summary>
    private static string? Inline(IEnumerable<INode> nodes, bool allowHtml)
    {
        var builder = new StringBuilder();
        foreach (var node in nodes)
        {
            if (!AppendInline(node, builder, allowHtml, insideLink: false))
            {
                return null;
            }
        }

        return Paragraph(builder.ToString());
    }

    private static bool AppendInline(INode node, StringBuilder builder, bool allowHtml, bool insideLink)
    {
        if (node is IText text)
        {
            builder.Append(Escape(WhitespaceRun().Replace(text.Data, " ")));
            return true;
        }

        if (node is not IElement element)
        {
            return true;
        }

        switch (element.LocalName)
        {
            case "br":
                builder.Append("\\\n");
                return true;
            case "wbr":
                return true;
            case "strong" or "b":
                return Wrap(element, "**", builder, allowHtml, insideLink);
            case "em" or "i":
                return Wrap(element, "*", builder, allowHtml, insideLink);
            case "del" or "s" or "strike":
                return Wrap(element, "~~", builder, allowHtml, insideLink);
            case "code" or "tt" or "kbd" or "samp":
            {
                var code = WhitespaceRun().Replace(element.TextContent, " ");
                if (code.Trim().Length == 0)
                {
                    builder.Append(code);
                    return true;
                }

                var longest = Backticks().Matches(code).Select(m => m.Length).DefaultIfEmpty(0).Max();
                var ticks = new string('`', longest + 1);
                var pad = code.StartsWith('`') || code.EndsWith('`') ? " " : string.Empty;
                builder.Append(ticks).Append(pad).Append(code).Append(pad).Append(ticks);
                return true;
            }

            case "img":
            {
                var src = element.GetAttribute("src");
                if (string.IsNullOrWhiteSpace(src))
                {
                    return true;
                }

                builder.Append("![").Append(Escape(Collapse(element.GetAttribute("alt") ?? string.Empty))).Append("](").Append(Url(src)).Append(Title(element)).Append(')');
                return true;
            }

            case "a":
            {
                var href = element.GetAttribute("href");
                if (string.IsNullOrWhiteSpace(href) || insideLink)
                {
                    return AppendChildren(element, builder, allowHtml, insideLink);
                }

                var inner = new StringBuilder();
                if (!AppendChildren(element, inner, allowHtml, insideLink: true))
                {
                    return false;
                }

                builder.Append('[').Append(inner).Append("](").Append(Url(href)).Append(Title(element)).Append(')');
                return true;
            }

            case "span" or "font" or "u" or "small" or "abbr" or "cite" or "time" or "dfn" or "bdi" or "bdo" or "ins" or "var":
                return AppendChildren(element, builder, allowHtml, insideLink);
            default:
                if (!InlineTags.Contains(element.LocalName))
                {
                    return false;
                }

                if (allowHtml)
                {
                    builder.Append(element.OuterHtml.Replace('\n', ' '));
                    return true;
                }

                return AppendChildren(element, builder, allowHtml, insideLink);
        }
    }

    private static bool AppendChildren(IElement element, StringBuilder builder, bool allowHtml, bool insideLink)
    {
        foreach (var child in element.ChildNodes)
        {
            if (!AppendInline(child, builder, allowHtml, insideLink))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Emphasis around the content, its outer spaces kept outside (CommonMark ignores "** bold **").</summary>
    private static bool Wrap(IElement element, string marker, StringBuilder builder, bool allowHtml, bool insideLink)
    {
        var inner = new StringBuilder();
        if (!AppendChildren(element, inner, allowHtml, insideLink))
        {
            return false;
        }

        var text = inner.ToString();
        var trimmed = text.Trim(' ');
        if (trimmed.Length == 0 || trimmed.EndsWith('\n'))
        {
            builder.Append(text);
            return true;
        }

        var lead = text.Length - text.TrimStart(' ').Length;
        var trail = text.Length - text.TrimEnd(' ').Length;
        builder.Append(' ', lead).Append(marker).Append(trimmed).Append(marker).Append(' ', trail);
        return true;
    }

    private static string Title(IElement element) =>
        element.GetAttribute("title") is { Length: > 0 } title ? " \"" + Collapse(title).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"" : string.Empty;

    /// <summary>A link target Markdown reads back unchanged: spaces, parentheses and angle brackets percent-encoded.</summary>
    private static string Url(string url) =>
        url.Trim().Replace(" ", "%20", StringComparison.Ordinal).Replace("(", "%28", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal)
            .Replace("<", "%3C", StringComparison.Ordinal).Replace(">", "%3E", StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal);

    /// <summary>Trims the lines of a paragraph and escapes what would start a Markdown block at a line's start.</summary>
    private static string Paragraph(string text)
    {
        var lines = text.Split('\n').Select(l => l.Trim(' ')).ToList();
        while (lines.Count > 0 && (lines[^1].Length == 0 || lines[^1] == "\\"))
        {
            lines.RemoveAt(lines.Count - 1);
        }

        if (lines.Count > 0 && lines[^1].EndsWith('\\') && !lines[^1].EndsWith("\\\\", StringComparison.Ordinal))
        {
            lines[^1] = lines[^1][..^1].TrimEnd();
        }

        return string.Join('\n', lines.Where(l => l.Length > 0).Select(EscapeLineStart));
    }

    private static string EscapeLineStart(string line) =>
        BlockMarker().IsMatch(line) ? "\\" + line : ListNumber().Replace(line, "$1\\", 1);

    /// <summary>Text as Markdown shows it literally: every character Markdig (with the post extensions) reads as markup is escaped.</summary>
    private static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            var escape = c switch
            {
                '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '$' or '~' or '^' or '|' => true,
                '+' or '=' => next == c || (i > 0 && text[i - 1] == c),
                '&' => EntityStart().IsMatch(text.AsSpan(i + 1)),
                _ => false,
            };
            if (escape)
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        // Markdig links bare addresses in text; what was plain text stays plain text.
        return BareAddress().Replace(builder.ToString(), m => m.Value[..^1] + "\\" + m.Value[^1]);
    }

    private static string Collapse(string text) => WhitespaceRun().Replace(text, " ").Trim();

    private static string Html(INode node) => node is IElement e ? e.OuterHtml : node is IText t ? System.Net.WebUtility.HtmlEncode(t.Data) : string.Empty;

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRun();

    [GeneratedRegex(@"\n[ \t]*(?:\n[ \t]*)+")]
    private static partial Regex BlankLines();

    /// <summary>The start of what Markdig's autolinks would make a link: its last character gets escaped.</summary>
    [GeneratedRegex(@"(?:https?:|ftp:|mailto:|(?<![\w.])www\.)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BareAddress();

    [GeneratedRegex("`+")]
    private static partial Regex Backticks();

    [GeneratedRegex(@"^[A-Za-z0-9_+#-]{1,30}$")]
    private static partial Regex LanguageName();

    [GeneratedRegex(@"^#?[A-Za-z0-9]+;")]
    private static partial Regex EntityStart();

    /// <summary>What would begin a heading, list, setext underline, definition or container at a line's start.</summary>
    [GeneratedRegex("^[#=:+-]")]
    private static partial Regex BlockMarker();

    /// <summary>A numbered, lettered or roman list marker at a line's start ("1.", "a)", "iv.").</summary>
    [GeneratedRegex(@"^(\d{1,9}|[A-Za-z]|[ivxlcdmIVXLCDM]+)(?=[.)](?:\s|$))")]
    private static partial Regex ListNumber();
}
