using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace ClinicBlog.Core.Import;

/// <summary>Reads a WordPress export one element at a time: the file is never held in memory, only the
/// item being read. DTDs are refused outright, so neither external entities (XXE) nor entity expansion
/// ("billion laughs") can happen; a broken file stops with the line it broke on.</summary>
public static class WxrReader
{
    private const string ContentNamespace = "http://purl.org/rss/1.0/modules/content/";

    public static XmlReaderSettings Settings { get; } = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
    };

    /// <summary>The entries of the export in file order. Throws <see cref="XmlException"/> (with its
    /// line) on a malformed or hostile file and <see cref="InvalidDataException"/> when it is not a WXR.</summary>
    public static IEnumerable<WxrEntry> Read(Stream stream)
    {
        using var reader = XmlReader.Create(stream, Settings);
        var lines = (IXmlLineInfo)reader;
        MoveToRoot(reader, stream);
        if (reader.LocalName != "rss")
        {
            throw new InvalidDataException($"Line {lines.LineNumber}: this is not a WordPress export (it starts with <{reader.Name}>, not <rss>).");
        }

        var sawChannel = false;
        while (!reader.EOF)
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
                continue;
            }

            if (reader.Depth == 1 && reader.LocalName == "channel")
            {
                sawChannel = true;
                reader.Read();
                continue;
            }

            if (reader.Depth != 2)
            {
                reader.Read();
                continue;
            }

            var line = lines.LineNumber;
            var name = reader.LocalName;
            var isWordPress = IsWordPress(reader.NamespaceURI);
            switch (name)
            {
                case "item":
                    yield return Item(line, Load(reader));
                    break;
                case "author" when isWordPress:
                    yield return Author(line, (XElement)XNode.ReadFrom(reader));
                    break;
                case "category" when isWordPress:
                {
                    var e = (XElement)XNode.ReadFrom(reader);
                    yield return new WxrTerm(line, Child(e, "category_nicename") ?? string.Empty, Child(e, "cat_name") ?? string.Empty);
                    break;
                }

                case "tag" when isWordPress:
                {
                    var e = (XElement)XNode.ReadFrom(reader);
                    yield return new WxrTerm(line, Child(e, "tag_slug") ?? string.Empty, Child(e, "tag_name") ?? string.Empty);
                    break;
                }

                case "term" when isWordPress:
                {
                    var e = (XElement)XNode.ReadFrom(reader);
                    if (Child(e, "term_taxonomy") is "category" or "post_tag")
                    {
                        yield return new WxrTerm(line, Child(e, "term_slug") ?? string.Empty, Child(e, "term_name") ?? string.Empty);
                    }

                    break;
                }

                case "base_site_url" or "base_blog_url" when isWordPress:
                    yield return new WxrSite(line, reader.ReadElementContentAsString().Trim());
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        if (!sawChannel)
        {
            throw new InvalidDataException("This is not a WordPress export: it has no <channel>.");
        }
    }

    /// <summary>Moves to the root element. The DTD refusal carries no line of its own: it is given the reader's.</summary>
    private static void MoveToRoot(XmlReader reader, Stream stream)
    {
        try
        {
            reader.MoveToContent();
        }
        catch (XmlException e) when (e.LineNumber == 0)
        {
            throw new InvalidDataException($"Line {DoctypeLine(stream)}: the file declares a DTD (<!DOCTYPE …>), which is refused: a WordPress export has none, and a DTD is how external-entity (XXE) and entity-expansion attacks work.", e);
        }
    }

    /// <summary>The line of the <c>&lt;!DOCTYPE</c> near the start of the file (1 if it cannot be found).</summary>
    private static int DoctypeLine(Stream stream)
    {
        if (!stream.CanSeek)
        {
            return 1;
        }

        stream.Position = 0;
        var buffer = new byte[64 * 1024];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        var start = System.Text.Encoding.UTF8.GetString(buffer, 0, read);
        var at = start.IndexOf("<!DOCTYPE", StringComparison.OrdinalIgnoreCase);
        return at < 0 ? 1 : start[..at].Count(c => c == '\n') + 1;
    }

    /// <summary>The element the reader is on, with line numbers (for the report), leaving the reader after it.</summary>
    private static XElement Load(XmlReader reader)
    {
        XElement element;
        using (var subtree = reader.ReadSubtree())
        {
            element = XElement.Load(subtree, LoadOptions.SetLineInfo);
        }

        reader.Read();
        return element;
    }

    private static bool IsWordPress(string ns) => ns.StartsWith("http://wordpress.org/export/", StringComparison.Ordinal);

    private static WxrAuthor Author(int line, XElement e) =>
        new(line, Child(e, "author_login") ?? string.Empty, Child(e, "author_email"),
            Child(e, "author_display_name") is { Length: > 0 } display ? display : Child(e, "author_login") ?? string.Empty);

    private static WxrItem Item(int line, XElement e)
    {
        var meta = e.Elements().Where(x => x.Name.LocalName == "postmeta" && IsWordPress(x.Name.NamespaceName))
            .Select(m => (Key: Child(m, "meta_key"), Value: Child(m, "meta_value")))
            .ToList();
        return new WxrItem(line)
        {
            Id = Number(Child(e, "post_id")),
            Title = e.Element("title")?.Value ?? string.Empty,
            Link = e.Element("link")?.Value.Trim(),
            PostType = Child(e, "post_type") ?? "post",
            Status = Child(e, "status") ?? "draft",
            Name = Child(e, "post_name"),
            Creator = e.Elements().FirstOrDefault(x => x.Name.LocalName == "creator")?.Value.Trim(),
            Content = e.Elements().FirstOrDefault(x => x.Name.LocalName == "encoded" && x.Name.NamespaceName == ContentNamespace)?.Value ?? string.Empty,
            Excerpt = e.Elements().FirstOrDefault(x => x.Name.LocalName == "encoded" && x.Name.NamespaceName.Contains("excerpt", StringComparison.Ordinal))?.Value,
            Password = Child(e, "post_password"),
            DateGmt = Date(Child(e, "post_date_gmt")),
            Date = Date(Child(e, "post_date")),
            AttachmentUrl = Child(e, "attachment_url"),
            ThumbnailId = meta.FirstOrDefault(m => m.Key == "_thumbnail_id").Value is { } thumbnail && long.TryParse(thumbnail, CultureInfo.InvariantCulture, out var id) ? id : null,
            CommentsOpen = Child(e, "comment_status") != "closed",
            Terms = e.Elements("category")
                .Where(c => (string?)c.Attribute("domain") is "category" or "post_tag")
                .Select(c => ((string?)c.Attribute("nicename") ?? string.Empty, c.Value.Trim()))
                .ToList(),
            Comments = e.Elements().Where(x => x.Name.LocalName == "comment" && IsWordPress(x.Name.NamespaceName))
                .Select(c => Comment(line, c)).ToList(),
        };
    }

    private static WxrComment Comment(int itemLine, XElement e) =>
        new(e is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : itemLine)
        {
            Id = Number(Child(e, "comment_id")),
            ParentId = Number(Child(e, "comment_parent")),
            AuthorName = Child(e, "comment_author") ?? string.Empty,
            AuthorEmail = Child(e, "comment_author_email"),
            AuthorIp = Child(e, "comment_author_IP"),
            DateGmt = Date(Child(e, "comment_date_gmt")),
            Date = Date(Child(e, "comment_date")),
            Content = Child(e, "comment_content") ?? string.Empty,
            Approved = Child(e, "comment_approved") ?? "0",
            Type = Child(e, "comment_type") ?? string.Empty,
        };

    /// <summary>A WordPress child element's text, whatever the export version's namespace.</summary>
    private static string? Child(XElement parent, string localName) =>
        parent.Elements().FirstOrDefault(x => x.Name.LocalName == localName && IsWordPress(x.Name.NamespaceName))?.Value.Trim();

    private static long Number(string? text) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;

    /// <summary>WordPress writes <c>2024-06-14 08:00:00</c>, and <c>0000-00-00 00:00:00</c> for "none".</summary>
    private static DateTime? Date(string? text) =>
        DateTime.TryParseExact(text, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date)
            ? DateTime.SpecifyKind(date, DateTimeKind.Utc)
            : null;
}
