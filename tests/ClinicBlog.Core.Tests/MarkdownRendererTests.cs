using AngleSharp.Html.Parser;
using ClinicBlog.Core.Content;

namespace ClinicBlog.Core.Tests;

public class MarkdownRendererTests
{
    private readonly MarkdownRenderer _renderer = new();
    private readonly HtmlParser _parser = new();

    [Fact]
    public void Post_headings_lists_and_typographic_apostrophes_survive()
    {
        var html = _renderer.RenderPost("## Benefits of Ketamine\n\nIt’s quick.\n\n- one\n- two\n\n1. first\n2. second\n");
        var doc = _parser.ParseDocument(html);

        var heading = Assert.Single(doc.QuerySelectorAll("h2"));
        Assert.Equal("Benefits of Ketamine", heading.TextContent);
        Assert.Equal("benefits-of-ketamine", heading.Id);
        Assert.Equal(2, doc.QuerySelectorAll("ul > li").Length);
        Assert.Equal(2, doc.QuerySelectorAll("ol > li").Length);
        Assert.Contains("It’s quick.", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Post_advanced_extensions_render_tables_and_footnotes()
    {
        var html = _renderer.RenderPost("| Dose | Effect |\n|---|---|\n| low | calm |\n\nA claim.[^1]\n\n[^1]: A study.\n");
        var doc = _parser.ParseDocument(html);

        Assert.NotNull(doc.QuerySelector("table td"));
        Assert.NotNull(doc.QuerySelector(".footnotes li"));
        Assert.Equal("References", doc.QuerySelector(".footnotes h2#references")!.TextContent);
        Assert.Null(doc.QuerySelector(".footnotes hr"));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](JaVaScRiPt:alert(1))")]
    [InlineData("<svg onload=alert(1)></svg>")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    [InlineData("<p style=\"background:url(javascript:alert(1))\">x</p>")]
    [InlineData("![x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    public void Post_script_event_handlers_and_dangerous_urls_are_removed(string markdown)
    {
        AssertNothingExecutable(_renderer.RenderPost(markdown));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<b onmouseover=alert(1)>x</b>")]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](data:text/html,<script>alert(1)</script>)")]
    [InlineData("<a href=\"https://example.org\">raw html</a>")]
    public void Comment_raw_html_and_dangerous_urls_are_removed(string markdown)
    {
        var html = _renderer.RenderComment(markdown);

        AssertNothingExecutable(html);
        Assert.Empty(_parser.ParseDocument(html).QuerySelectorAll("b, a[href^='https://example.org']"));
    }

    [Fact]
    public void Comment_keeps_the_small_allow_list_and_marks_links_nofollow()
    {
        var html = _renderer.RenderComment("*Thanks* for **this**.\n\n> quoted\n\n- a\n- b\n\n`code` and [a link](https://example.org)\n\n# Big heading");
        var doc = _parser.ParseDocument(html);

        Assert.NotNull(doc.QuerySelector("em"));
        Assert.NotNull(doc.QuerySelector("strong"));
        Assert.NotNull(doc.QuerySelector("blockquote"));
        Assert.Equal(2, doc.QuerySelectorAll("li").Length);
        Assert.NotNull(doc.QuerySelector("code"));
        var link = Assert.Single(doc.QuerySelectorAll("a"));
        Assert.Equal("https://example.org", link.GetAttribute("href"));
        Assert.Equal("nofollow ugc noopener", link.GetAttribute("rel"));
        Assert.Null(doc.QuerySelector("h1"));
        Assert.Contains("Big heading", doc.Body!.TextContent, StringComparison.Ordinal);
    }

    private void AssertNothingExecutable(string html)
    {
        var doc = _parser.ParseDocument(html);
        Assert.Empty(doc.QuerySelectorAll("script, iframe, object, embed, svg"));
        foreach (var element in doc.All)
        {
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"event handler {attribute.Name} survived");
                Assert.NotEqual("style", attribute.Name);
                var value = new string(attribute.Value.Where(c => !char.IsWhiteSpace(c)).ToArray());
                Assert.False(value.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase), $"javascript: URL survived in {attribute.Name}");
                Assert.False(value.StartsWith("data:", StringComparison.OrdinalIgnoreCase), $"data: URL survived in {attribute.Name}");
            }
        }
    }
}
