using ClinicBlog.Core.Media;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Ganss.Xss;
using Markdig;

namespace ClinicBlog.Core.Content;

/// <summary>Turns Markdown into HTML that is safe to put in a page. Posts get Markdig's advanced
/// extensions; comments get plain Markdown without raw HTML and a small allow-list. Both outputs pass
/// through HtmlSanitizer, so even a bug in a Markdown extension cannot let script through.</summary>
public sealed partial class MarkdownRenderer
{
    private static readonly MarkdownPipeline PostPipeline = CreatePostPipeline();

    private static readonly MarkdownPipeline CommentPipeline = new MarkdownPipelineBuilder()
        .UseAutoLinks()
        .UseSoftlineBreakAsHardlineBreak()
        .DisableHtml()
        .Build();

    // Built on first use: creating a sanitizer costs a quarter of a second of a cold start, and reader
    // pages (stored HTML) need neither; the first save or comment pays it instead.
    private readonly Lazy<HtmlSanitizer> _postSanitizer = new(CreatePostSanitizer);
    private readonly Lazy<HtmlSanitizer> _commentSanitizer = new(CreateCommentSanitizer);

    /// <summary>Renders a post body (staff-written Markdown, raw HTML allowed but sanitized). Uploaded
    /// images found in <paramref name="images"/> get their size, their smaller copies (<c>srcset</c>,
    /// <c>sizes</c>) and, after the first, <c>loading="lazy"</c>.</summary>
    public string RenderPost(string markdown, IReadOnlyDictionary<string, ResponsiveImage>? images = null)
    {
        var html = _postSanitizer.Value.Sanitize(WithReferencesHeading(Markdown.ToHtml(markdown ?? string.Empty, PostPipeline)));
        return html.Contains("<img", StringComparison.Ordinal) ? WithImageSizes(html, images) : html;
    }

    /// <summary>The file names of the uploaded images (<c>/media/…</c>) a Markdown text refers to.</summary>
    public static IReadOnlyList<string> MediaFileNames(string? markdown) =>
        string.IsNullOrEmpty(markdown) ? [] : MediaReference().Matches(markdown).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Runs on sanitized HTML: every attribute added here comes from the media library's own
    /// records (generated file names and numbers), never from the text.</summary>
    private static string WithImageSizes(string html, IReadOnlyDictionary<string, ResponsiveImage>? images)
    {
        using var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument("<!doctype html><body>" + html);
        var first = true;
        foreach (var img in document.QuerySelectorAll("img"))
        {
            // The first image may be in view as the page opens; the rest load as the reader scrolls to them.
            if (!first)
            {
                img.SetAttribute("loading", "lazy");
            }

            first = false;
            img.SetAttribute("decoding", "async");
            var src = img.GetAttribute("src") ?? string.Empty;
            if (images is null || !src.StartsWith("/media/", StringComparison.Ordinal) || !images.TryGetValue(src["/media/".Length..], out var image))
            {
                continue;
            }

            img.SetAttribute("width", image.Width.ToString(System.Globalization.CultureInfo.InvariantCulture));
            img.SetAttribute("height", image.Height.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (image.Srcset is { } srcset)
            {
                img.SetAttribute("srcset", srcset);
                img.SetAttribute("sizes", ResponsiveImage.Sizes);
            }
        }

        return document.Body!.InnerHtml;
    }

    [GeneratedRegex(@"/media/([0-9a-f]{32}\.(?:jpg|png|webp|gif))", RegexOptions.CultureInvariant)]
    private static partial Regex MediaReference();

    /// <summary>The text a reader sees in rendered, sanitized HTML, as one line: what search indexes and
    /// quotes in its snippets. Footnote back-links (↩) are left out.</summary>
    public static string VisibleText(string html)
    {
        using var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument("<!doctype html><body>" + html);
        foreach (var backLink in document.QuerySelectorAll("a.footnote-back-ref").ToList())
        {
            backLink.Remove();
        }

        return Whitespace().Replace(document.Body?.TextContent ?? string.Empty, " ").Trim();
    }

    /// <summary>Renders a reader's comment: no raw HTML, paragraphs, emphasis, links, lists, code and quotes.</summary>
    public string RenderComment(string markdown) =>
        _commentSanitizer.Value.Sanitize(Markdown.ToHtml(markdown ?? string.Empty, CommentPipeline));

    /// <summary>Footnotes are a medical article's references: give them a heading readers can find.
    /// Markdig writes them last, as <c>&lt;div class="footnotes"&gt;&lt;hr /&gt;</c>.</summary>
    private static string WithReferencesHeading(string html)
    {
        const string start = "<div class=\"footnotes\">\n<hr />";
        var at = html.LastIndexOf(start, StringComparison.Ordinal);
        return at < 0
            ? html
            : string.Concat(html.AsSpan(0, at), "<div class=\"footnotes\">\n<h2 id=\"references\">References</h2>", html.AsSpan(at + start.Length));
    }

    /// <summary>Form controls have no place in an article: they could imitate a "verify your details"
    /// form (even one posting into the comment endpoint). Wrappers keep their content; controls go.</summary>
    private static readonly HashSet<string> FormControls = new(StringComparer.OrdinalIgnoreCase)
    {
        "input", "button", "select", "option", "optgroup", "textarea", "datalist", "output", "keygen",
    };

    private static readonly HashSet<string> FormWrappers = new(StringComparer.OrdinalIgnoreCase)
    {
        "form", "fieldset", "legend", "label",
    };

    /// <summary>The classes Markdig's own extensions write (footnotes, task lists, alerts, maths,
    /// diagrams). Any other class, such as one an author set with <c>{.reviewed}</c> or a
    /// <c>::: notice-crisis</c> container, could dress text up as the site's own review line or
    /// crisis notice, so it is dropped. Code blocks keep their <c>language-…</c> class.</summary>
    internal static readonly IReadOnlySet<string> MarkdownClasses = new HashSet<string>(StringComparer.Ordinal)
    {
        "footnotes", "footnote-ref", "footnote-back-ref",
        "contains-task-list", "task-list-item",
        "markdown-alert", "markdown-alert-title", "markdown-alert-note", "markdown-alert-tip",
        "markdown-alert-important", "markdown-alert-warning", "markdown-alert-caution",
        "math", "mermaid", "nomnoml",
    };

    /// <summary>Markdig's advanced extensions without generic attributes (<c>{#id .class key=value}</c>):
    /// an article has no use for arbitrary attributes, and they are how text would borrow the page's own
    /// ids and classes.</summary>
    private static MarkdownPipeline CreatePostPipeline()
    {
        var builder = new MarkdownPipelineBuilder().UseAdvancedExtensions();
        builder.Extensions.RemoveAll(e => e is Markdig.Extensions.GenericAttributes.GenericAttributesExtension);
        return builder.Build();
    }

    private static HtmlSanitizer CreatePostSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        // Inline styles are refused by the Content-Security-Policy; keeping them would only log errors.
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedAttributes.Add("id");
        sanitizer.AllowedAttributes.Add("class");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedSchemes.Add("tel");
        foreach (var tag in FormControls.Concat(FormWrappers))
        {
            sanitizer.AllowedTags.Remove(tag);
        }

        foreach (var cssClass in MarkdownClasses)
        {
            sanitizer.AllowedClasses.Add(cssClass);
        }

        sanitizer.RemovingCssClass += (_, e) => e.Cancel = LanguageClass().IsMatch(e.CssClass);
        sanitizer.RemovingTag += (_, e) =>
        {
            var tag = e.Tag;
            if (FormWrappers.Contains(tag.LocalName) && tag.Parent is { } parent)
            {
                foreach (var child in tag.ChildNodes.ToList())
                {
                    parent.InsertBefore(child, tag);
                }
            }
            else if (tag is IHtmlInputElement { Type: "checkbox" } && tag.ParentElement?.ClassList.Contains("task-list-item") == true)
            {
                // A Markdown task list item ("- [x] done") keeps its tick as text.
                tag.Parent!.InsertBefore(tag.Owner!.CreateTextNode(tag.HasAttribute("checked") ? "☑" : "☐"), tag);
            }
        };
        return sanitizer;
    }

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();

    [GeneratedRegex("^language-[a-z0-9_+#-]{1,40}$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex LanguageClass();

    private static HtmlSanitizer CreateCommentSanitizer()
    {
        var sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "br", "em", "strong", "a", "ul", "ol", "li", "code", "pre", "blockquote",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href" },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href" },
        })
        {
            // A heading or table in a comment loses its markup, not the commenter's words.
            KeepChildNodes = true,
        };
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is IElement { LocalName: "a" } link)
            {
                link.SetAttribute("rel", "nofollow ugc noopener");
            }
        };
        return sanitizer;
    }
}
