using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using ClinicBlog.Core;
using ClinicBlog.Core.Authors;
using ClinicBlog.Core.Posts;
using ClinicBlog.Web.Models;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace ClinicBlog.Web.Controllers;

/// <summary>RSS 2.0 and Atom feeds (the whole blog, one tag, one author), the sitemap and robots.txt.</summary>
public sealed class FeedsController(
    PublishedPostQuery posts,
    AuthorQuery authors,
    Core.Pages.SiteLinks siteLinks,
    PublicUrls urls,
    IOptions<BlogOptions> options) : Controller
{
    private const int FeedSize = 20;

    [HttpGetOrHead("/feed.xml")]
    public Task<IActionResult> Rss(CancellationToken cancellationToken) => FeedAsync(null, null, atom: false, cancellationToken);

    [HttpGetOrHead("/atom.xml")]
    public Task<IActionResult> Atom(CancellationToken cancellationToken) => FeedAsync(null, null, atom: true, cancellationToken);

    [HttpGetOrHead("/tags/{slug}/feed.xml")]
    public Task<IActionResult> TagRss(string slug, CancellationToken cancellationToken) => FeedAsync(slug, null, atom: false, cancellationToken);

    [HttpGetOrHead("/tags/{slug}/atom.xml")]
    public Task<IActionResult> TagAtom(string slug, CancellationToken cancellationToken) => FeedAsync(slug, null, atom: true, cancellationToken);

    [HttpGetOrHead("/authors/{slug}/feed.xml")]
    public Task<IActionResult> AuthorRss(string slug, CancellationToken cancellationToken) => FeedAsync(null, slug, atom: false, cancellationToken);

    [HttpGetOrHead("/authors/{slug}/atom.xml")]
    public Task<IActionResult> AuthorAtom(string slug, CancellationToken cancellationToken) => FeedAsync(null, slug, atom: true, cancellationToken);

    [HttpGetOrHead("/sitemap.xml")]
    public async Task<IActionResult> Sitemap(CancellationToken cancellationToken)
    {
        const string ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var entries = await posts.SitemapAsync(cancellationToken);
        var authorSlugs = await authors.SlugsWithPostsAsync(cancellationToken);
        var tagSlugs = await posts.TagSlugsAsync(cancellationToken);
        var sitePages = (await siteLinks.GetAsync(cancellationToken)).PublishedPages;
        return Xml(writer =>
        {
            writer.WriteStartElement("urlset", ns);
            WriteUrl(writer, ns, urls.Absolute("/"), entries.Count > 0 ? entries.Max(e => e.PublishedAt) : null);
            WriteUrl(writer, ns, urls.Absolute("/archive"), null);
            foreach (var entry in entries)
            {
                WriteUrl(writer, ns, urls.Post(entry.Slug), entry.PublishedAt);
            }

            foreach (var slug in authorSlugs)
            {
                WriteUrl(writer, ns, urls.Absolute("/authors/" + slug), null);
            }

            foreach (var slug in tagSlugs)
            {
                WriteUrl(writer, ns, urls.Absolute("/tags/" + slug), null);
            }

            foreach (var page in sitePages)
            {
                WriteUrl(writer, ns, urls.Absolute("/" + page.Slug), page.UpdatedAt);
            }

            writer.WriteEndElement();
        }, "application/xml");
    }

    [HttpGetOrHead("/robots.txt")]
    public IActionResult Robots() => Content(
        $"User-agent: *\nDisallow: /admin\nDisallow: /account\nDisallow: /search\n\nSitemap: {urls.Absolute("/sitemap.xml")}\n",
        "text/plain; charset=utf-8");

    private async Task<IActionResult> FeedAsync(string? tagSlug, string? authorSlug, bool atom, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var title = settings.Title;
        var page = "/";
        int? authorId = null;
        if (authorSlug is not null)
        {
            var author = await authors.FindBySlugAsync(authorSlug, cancellationToken);
            if (author is null)
            {
                return NotFound();
            }

            authorId = author.Id;
            title = $"{settings.Title}: articles by {author.DisplayName}";
            page = "/authors/" + author.Slug;
        }

        if (tagSlug is not null)
        {
            var tag = await posts.ListByTagAsync(tagSlug, 1, 1, cancellationToken);
            if (tag is null)
            {
                return NotFound();
            }

            title = $"{settings.Title}: {tag.Value.Tag.Name}";
            page = "/tags/" + tagSlug;
        }

        var items = await posts.FeedAsync(tagSlug, authorId, FeedSize, cancellationToken);
        var selfPath = Request.Path.Value ?? "/feed.xml";
        var feed = new SyndicationFeed(XmlSafe(title), settings.Description, new Uri(urls.Absolute(page)))
        {
            Id = urls.Absolute(page),
            Language = "en",
            LastUpdatedTime = items.Count > 0 ? new DateTimeOffset(items.Max(i => i.UpdatedAt)) : new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero),
            Copyright = new TextSyndicationContent(settings.Publisher),
            // RSS <image>, Atom <logo>: the clinic's logo when one is set.
            ImageUrl = settings.Logo is { } logo ? new Uri(urls.Absolute("/media/" + logo)) : null,
            Items = items.Select(ToItem).ToList(),
        };
        feed.Links.Add(new SyndicationLink(new Uri(urls.Absolute(selfPath)), "self", title, atom ? "application/atom+xml" : "application/rss+xml", 0));
        feed.Authors.Add(new SyndicationPerson { Name = settings.Publisher });

        return Xml(writer =>
        {
            if (atom)
            {
                new Atom10FeedFormatter(feed).WriteTo(writer);
            }
            else
            {
                new Rss20FeedFormatter(feed, serializeExtensionsAsAtom: true).WriteTo(writer);
            }
        }, atom ? "application/atom+xml" : "application/rss+xml");
    }

    private SyndicationItem ToItem(FeedItem post)
    {
        var link = urls.Post(post.Slug);
        var item = new SyndicationItem(XmlSafe(post.Title), new TextSyndicationContent(XmlSafe(post.BodyHtml), TextSyndicationContentKind.Html), new Uri(link), link, new DateTimeOffset(post.UpdatedAt))
        {
            PublishDate = new DateTimeOffset(post.PublishedAt),
            // Feed readers show an RSS description as HTML: the author's plain-text summary goes in
            // encoded, so it reads as written and never as markup.
            Summary = post.Summary is null ? null : new TextSyndicationContent(System.Net.WebUtility.HtmlEncode(XmlSafe(post.Summary)), TextSyndicationContentKind.Html),
        };
        item.Authors.Add(new SyndicationPerson { Name = XmlSafe(post.AuthorCredentials is null ? post.AuthorName : $"{post.AuthorName}, {post.AuthorCredentials}") });
        foreach (var tag in post.Tags)
        {
            item.Categories.Add(new SyndicationCategory(XmlSafe(tag)));
        }

        return item;
    }

    /// <summary>Drops characters XML cannot carry (control characters saved before text was cleaned on
    /// input): one such character would otherwise stop the whole feed.</summary>
    private static string XmlSafe(string text)
    {
        if (text.All(XmlConvert.IsXmlChar))
        {
            return text;
        }

        var safe = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                safe.Append(text, i++, 2);
            }
            else if (XmlConvert.IsXmlChar(text[i]))
            {
                safe.Append(text[i]);
            }
        }

        return safe.ToString();
    }

    private static void WriteUrl(XmlWriter writer, string ns, string location, DateTime? lastModified)
    {
        writer.WriteStartElement("url", ns);
        writer.WriteElementString("loc", ns, location);
        if (lastModified is { } modified)
        {
            writer.WriteElementString("lastmod", ns, modified.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        writer.WriteEndElement();
    }

    private static FileContentResult Xml(Action<XmlWriter> write, string contentType)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            write(writer);
        }

        return new FileContentResult(buffer.ToArray(), contentType + "; charset=utf-8");
    }
}
