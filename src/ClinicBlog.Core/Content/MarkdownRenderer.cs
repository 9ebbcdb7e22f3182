using AngleSharp.Dom;
using Ganss.Xss;
using Markdig;

namespace ClinicBlog.Core.Content;

/// <summary>Turns Markdown into HTML that is safe to put in a page. Posts get Markdig's advanced
/// extensions; comments get plain Markdown without raw HTML and a small allow-list. Both outputs pass
/// through HtmlSanitizer, so even a bug in a Markdown extension cannot let script through.</summary>
public sealed class MarkdownRenderer
{
    private static readonly MarkdownPipeline PostPipeline = new MarkdownPipelineBuilder()
        .UseAdvancedExtensions()
        .Build();

    private static readonly MarkdownPipeline CommentPipeline = new MarkdownPipelineBuilder()
        .UseAutoLinks()
        .UseSoftlineBreakAsHardlineBreak()
        .DisableHtml()
        .Build();

    private readonly HtmlSanitizer _postSanitizer = CreatePostSanitizer();
    private readonly HtmlSanitizer _commentSanitizer = CreateCommentSanitizer();

    /// <summary>Renders a post body (staff-written Markdown, raw HTML allowed but sanitized).</summary>
    public string RenderPost(string markdown) =>
        _postSanitizer.Sanitize(WithReferencesHeading(Markdown.ToHtml(markdown ?? string.Empty, PostPipeline)));

    /// <summary>Renders a reader's comment: no raw HTML, paragraphs, emphasis, links, lists, code and quotes.</summary>
    public string RenderComment(string markdown) =>
        _commentSanitizer.Sanitize(Markdown.ToHtml(markdown ?? string.Empty, CommentPipeline));

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

    private static HtmlSanitizer CreatePostSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        // Inline styles are refused by the Content-Security-Policy; keeping them would only log errors.
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedAttributes.Add("id");
        sanitizer.AllowedAttributes.Add("class");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedSchemes.Add("tel");
        return sanitizer;
    }

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
