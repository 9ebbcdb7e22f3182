using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ClinicBlog.Core.Content;
using ClinicBlog.Core.Import;

namespace ClinicBlog.Core.Tests;

/// <summary>Imported HTML becomes Markdown that renders back to what readers saw: every test renders the
/// Markdown with the blog's own post renderer and reads the result.</summary>
public class HtmlToMarkdownTests
{
    private readonly MarkdownRenderer _renderer = new();
    private readonly HtmlParser _parser = new();

    public static TheoryData<string> TextThatLooksLikeMarkup =>
    [
        "* not a bullet", "- not a bullet either", "+ nor this", "1. not a list", "2024. A good year", "A. Smith wrote it",
        "iv. not roman", "# not a heading", "=== not a rule", "--- not a rule", ": not a definition", "::: not a container",
        "a_b_c and snake_case_name", "**not bold** and *not italic*", "[not a link](https://example.org)", "<b>not a tag</b>",
        "`not code`", "$x$ is not maths", "~~not struck~~ H~2~O x^2^", "==not marked== ++not inserted++", "| a | b |",
        "&amp; is not an entity, nor &copy;", "\\ a backslash \\* and \\\\", "[^1] is not a footnote", "*[HTML]: not an abbreviation",
        "^^^ not a figure", "> not a quote", "5 * 3 = 15, 2 < 3 > 1", "C:\\Users\\clinic", "see https://example.org or www.example.org",
        "write to mailto:care@example.org",
    ];

    [Theory]
    [MemberData(nameof(TextThatLooksLikeMarkup))]
    public void Text_that_looks_like_markup_stays_text(string text)
    {
        var markdown = HtmlToMarkdown.Convert("<p>" + WebUtility.HtmlEncode(text) + "</p>");
        var body = Render(markdown);
        Assert.Equal(text, body.TextContent.Trim());
        Assert.Single(body.Children);
        Assert.Equal("P", body.Children[0].TagName);
        Assert.Empty(body.Children[0].Children);
    }

    [Fact]
    public void Paragraphs_headings_emphasis_links_and_images_become_markdown()
    {
        var markdown = HtmlToMarkdown.Convert(
            "<h2>Care <em>plans</em></h2><p>Read <a href=\"https://example.org/a (b)\" title=\"The &quot;plan&quot;\">the <strong>plan </strong></a> now.<br>Next line.</p>"
            + "<p><img src=\"/media/x.jpg\" alt=\"A [bracketed] room\" title=\"Room\"></p><hr><h3></h3>");
        Assert.StartsWith("## Care *plans*\n\n", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("<", markdown, StringComparison.Ordinal);
        var body = Render(markdown);
        Assert.Equal("Care plans", body.QuerySelector("h2")!.TextContent);
        var link = body.QuerySelector("a")!;
        Assert.Equal("https://example.org/a%20%28b%29", link.GetAttribute("href"));
        Assert.Equal("The \"plan\"", link.GetAttribute("title"));
        Assert.Equal("plan", link.QuerySelector("strong")!.TextContent);
        Assert.NotNull(body.QuerySelector("p br"));
        Assert.Equal("A [bracketed] room", body.QuerySelector("img")!.GetAttribute("alt"));
        Assert.NotNull(body.QuerySelector("hr"));
    }

    [Fact]
    public void Lists_nest_keep_their_numbers_and_loose_items_keep_paragraphs()
    {
        var markdown = HtmlToMarkdown.Convert(
            "<ol start=\"3\"><li>Third<ul><li>inner <strong>one</strong></li><li>inner two<ol><li>deep</li></ol></li></ul></li><li>Fourth</li></ol>"
            + "<ul><li><p>Loose one</p><p>Still one</p></li><li><p>Loose two</p></li></ul>");
        var body = Render(markdown);
        var ordered = body.QuerySelector("ol")!;
        Assert.Equal("3", ordered.GetAttribute("start"));
        Assert.Equal(2, ordered.Children.Length);
        Assert.Equal(["inner one", "inner two deep"], ordered.QuerySelectorAll(":scope > li > ul > li").Select(li => Normalize(li.TextContent)).ToList());
        Assert.Equal("deep", ordered.QuerySelector("ul ol li")!.TextContent.Trim());
        var lists = body.QuerySelectorAll(":scope > ul");
        var loose = lists[^1];
        Assert.Equal(["Loose one", "Still one"], loose.Children[0].QuerySelectorAll("p").Select(p => p.TextContent).ToList());
    }

    [Fact]
    public void Code_quotes_and_what_markdown_cannot_say_come_through()
    {
        var markdown = HtmlToMarkdown.Convert(
            "<pre><code class=\"language-csharp\">var a = \"```\";\n\nif (a) { }</code></pre><p>Use <code>a`b</code> here.</p>"
            + "<blockquote><p>Quoted</p><ul><li>in a list</li></ul></blockquote>"
            + "<table><tr><th>Dose</th></tr>\n\n<tr><td>5 mg</td></tr></table><dl><dt>Term</dt><dd>Meaning</dd></dl>"
            + "<p>H<sub>2</sub>O and x<sup>2</sup></p><div><p>Unwrapped</p></div>");
        var body = Render(markdown);
        Assert.Equal("var a = \"```\";\n\nif (a) { }", body.QuerySelector("pre code")!.TextContent.TrimEnd('\n'));
        Assert.Equal("language-csharp", body.QuerySelector("pre code")!.ClassName);
        Assert.Equal("a`b", body.QuerySelector("p code")!.TextContent);
        Assert.Equal("Quoted", body.QuerySelector("blockquote p")!.TextContent);
        Assert.Equal("in a list", body.QuerySelector("blockquote li")!.TextContent);
        Assert.Equal(["Dose", "5 mg"], body.QuerySelectorAll("table th, table td").Select(c => c.TextContent).ToList());
        Assert.Equal("Meaning", body.QuerySelector("dl dd")!.TextContent);
        Assert.Equal("2", body.QuerySelector("sub")!.TextContent);
        var paragraphs = body.QuerySelectorAll("p");
        Assert.Equal("Unwrapped", paragraphs[^1].TextContent);
    }

    [Fact]
    public void Comments_get_no_html_only_its_text()
    {
        var markdown = HtmlToMarkdown.Convert("<p>Nice <em>post</em></p><table><tr><td>cell text</td></tr></table><p>a<sup>2</sup></p>", allowHtml: false);
        Assert.DoesNotContain("<", markdown, StringComparison.Ordinal);
        var comment = _parser.ParseDocument("<body>" + _renderer.RenderComment(markdown)).Body!;
        Assert.Equal("post", comment.QuerySelector("em")!.TextContent);
        Assert.Contains("cell text", comment.TextContent, StringComparison.Ordinal);
        Assert.Contains("a2", comment.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Wordpress_markup_is_turned_into_the_html_readers_saw()
    {
        var left = new SortedSet<string>();
        var (html, beforeMore) = WordPressMarkup.ToHtml(
            "First line\nsecond line\n\n<!--more-->\n\n[caption id=\"a\" width=\"300\"]<a href=\"/big.jpg\"><img src=\"/x.jpg\" alt=\"X\"></a> The caption[/caption]\n\n"
            + "[embed]https://video.example/v?id=1&amp;t=2[/embed]\n\n[gallery ids=\"5,6,404\"]\n\n[video src=\"https://video.example/clip.mp4\"]\n\n"
            + "<pre>keep\n\nthis</pre>\n\n[sic] and [subscribe_form id=\"3\"]",
            new Dictionary<long, string> { [5] = "https://old.example/wp-content/uploads/a.jpg", [6] = "https://old.example/wp-content/uploads/b.jpg" },
            left);
        Assert.Equal("<p>First line<br />\nsecond line</p>\n", beforeMore);
        var body = _parser.ParseDocument("<body>" + html).Body!;
        Assert.Equal("First line\nsecond line", body.QuerySelector("p")!.TextContent);
        Assert.Equal("The caption", body.QuerySelector("figure figcaption")!.TextContent);
        Assert.Equal("/big.jpg", body.QuerySelector("figure a")!.GetAttribute("href"));
        Assert.Equal("https://video.example/v?id=1&t=2", body.QuerySelector("a[href^='https://video.example/v']")!.GetAttribute("href"));
        Assert.Equal(["https://old.example/wp-content/uploads/a.jpg", "https://old.example/wp-content/uploads/b.jpg"], body.QuerySelectorAll("img[src*='uploads']").Select(i => i.GetAttribute("src")).ToList());
        Assert.NotNull(body.QuerySelector("a[href='https://video.example/clip.mp4']"));
        Assert.Equal("keep\n\nthis", body.QuerySelector("pre")!.TextContent);
        Assert.Contains("[sic]", body.TextContent, StringComparison.Ordinal);
        Assert.Equal(["subscribe_form"], left);
        Assert.DoesNotContain("more", html, StringComparison.Ordinal);
    }

    private IElement Render(string markdown) => _parser.ParseDocument("<body>" + _renderer.RenderPost(markdown)).Body!;

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
