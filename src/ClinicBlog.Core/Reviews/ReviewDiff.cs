using System.Text.RegularExpressions;
using ClinicBlog.Core.Posts;
using DiffPlex.Chunkers;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Markdig;
using Markdig.Extensions.Footnotes;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ClinicBlog.Core.Reviews;

/// <summary>What changed between the text last signed off and the text under review: a word-level diff of
/// title, summary and body (DiffPlex), the tags and cover image, and a summary of the clinical details a
/// reviewer must not miss: numbers with units (doses, concentrations, durations), links and references.</summary>
public sealed partial record ReviewDiff(
    FieldDiff Title,
    FieldDiff Summary,
    FieldDiff Body,
    IReadOnlyList<string> TagsAdded,
    IReadOnlyList<string> TagsRemoved,
    string? CoverBefore,
    string? CoverAfter,
    IReadOnlyList<ClinicalChange> Clinical)
{
    public const string Dose = "Dose or duration";
    public const string Link = "Link";
    public const string Reference = "Reference";

    public bool CoverChanged => CoverBefore != CoverAfter;

    public bool AnyChange => Title.Changed || Summary.Changed || Body.Changed || TagsAdded.Count > 0 || TagsRemoved.Count > 0 || CoverChanged;

    private static readonly MarkdownPipeline Parser = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    /// <summary>Words split at spaces, line breaks and punctuation, so a changed dose shows as one word.</summary>
    private static readonly DelimiterChunker WordChunks = new([' ', '\t', '\n', '.', ',', ';', ':', '!', '?', '(', ')', '[', ']', '{', '}', '"']);

    /// <summary>The changes from <paramref name="before"/> (null: nothing was signed off yet) to <paramref name="after"/>.</summary>
    public static ReviewDiff Between(PostContent? before, PostContent after)
    {
        ArgumentNullException.ThrowIfNull(after);
        var beforeTags = before?.Tags ?? [];
        return new ReviewDiff(
            Words(before?.Title, after.Title),
            Words(before?.Summary, after.Summary),
            Words(before?.Body, after.Body),
            after.Tags.Except(beforeTags, StringComparer.OrdinalIgnoreCase).ToList(),
            beforeTags.Except(after.Tags, StringComparer.OrdinalIgnoreCase).ToList(),
            before?.CoverImage,
            after.CoverImage,
            [.. Doses(before, after), .. Links(before?.Body, after.Body), .. References(before?.Body, after.Body)]);
    }

    private static FieldDiff Words(string? before, string? after)
    {
        var model = InlineDiffBuilder.Diff(before ?? string.Empty, after ?? string.Empty, ignoreWhiteSpace: false, ignoreCase: false, WordChunks);
        var parts = new List<DiffPart>();
        foreach (var piece in model.Lines)
        {
            var kind = piece.Type switch
            {
                ChangeType.Inserted => DiffKind.Added,
                ChangeType.Deleted => DiffKind.Removed,
                _ => DiffKind.Same,
            };
            // Neighbouring pieces of one kind read as one run ("with food" rather than "with", " ", "food").
            if (parts.Count > 0 && parts[^1].Kind == kind)
            {
                parts[^1] = parts[^1] with { Text = parts[^1].Text + piece.Text };
            }
            else
            {
                parts.Add(new DiffPart(kind, piece.Text ?? string.Empty));
            }
        }

        return new FieldDiff(parts);
    }

    /// <summary>Numbers with units in the title, summary and body, compared as lists (a dose that appears
    /// twice and is changed once still shows).</summary>
    private static IEnumerable<ClinicalChange> Doses(PostContent? before, PostContent after)
    {
        var old = Quantities(before);
        var current = Quantities(after);
        foreach (var removed in Minus(old, current))
        {
            yield return new ClinicalChange(Dose, removed, null);
        }

        foreach (var added in Minus(current, old))
        {
            yield return new ClinicalChange(Dose, null, added);
        }
    }

    private static List<string> Quantities(PostContent? content) =>
        content is null
            ? []
            : Quantity().Matches(string.Join("\n", content.Title, content.Summary, content.Body))
                .Select(m => $"{Spaces().Replace(m.Groups["amount"].Value, " ")} {Unit(m.Groups["unit"].Value)}")
                .ToList();

    private static string Unit(string unit) => unit.ToLowerInvariant() switch
    {
        "µg" or "μg" => "mcg",
        "ml" => "mL",
        var u => u,
    };

    private static List<string> Minus(List<string> from, List<string> take)
    {
        var left = new List<string>(from);
        foreach (var item in take)
        {
            left.Remove(item);
        }

        return left;
    }

    private static IEnumerable<ClinicalChange> Links(string? before, string after)
    {
        var old = LinksIn(before);
        var current = LinksIn(after);
        foreach (var removed in old.Except(current))
        {
            yield return new ClinicalChange(Link, removed, null);
        }

        foreach (var added in current.Except(old))
        {
            yield return new ClinicalChange(Link, null, added);
        }
    }

    /// <summary>Link targets: Markdown links and autolinks, and links written in HTML.</summary>
    private static List<string> LinksIn(string? markdown)
    {
        if (string.IsNullOrEmpty(markdown))
        {
            return [];
        }

        var document = Markdown.Parse(markdown, Parser);
        var links = document.Descendants<LinkInline>().Where(l => !l.IsImage && !string.IsNullOrEmpty(l.Url)).Select(l => l.Url!)
            .Concat(document.Descendants<AutolinkInline>().Select(l => l.Url))
            .Concat(HtmlLink().Matches(markdown).Select(m => m.Groups["url"].Value));
        return links.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Footnotes (the article's references) by label: added, removed, or reworded.</summary>
    private static IEnumerable<ClinicalChange> References(string? before, string after)
    {
        var old = ReferencesIn(before);
        var current = ReferencesIn(after);
        foreach (var (label, text) in old)
        {
            if (!current.TryGetValue(label, out var now))
            {
                yield return new ClinicalChange(Reference, $"[^{label}] {text}", null);
            }
            else if (now != text)
            {
                yield return new ClinicalChange(Reference, $"[^{label}] {text}", $"[^{label}] {now}");
            }
        }

        foreach (var (label, text) in current.Where(c => !old.ContainsKey(c.Key)))
        {
            yield return new ClinicalChange(Reference, null, $"[^{label}] {text}");
        }
    }

    private static Dictionary<string, string> ReferencesIn(string? markdown)
    {
        var references = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(markdown))
        {
            return references;
        }

        foreach (var footnote in Markdown.Parse(markdown, Parser).Descendants<Footnote>())
        {
            if (footnote.Label is { } label && footnote.Span.Length > 0 && footnote.Span.End < markdown.Length + 1)
            {
                var source = markdown.Substring(footnote.Span.Start, Math.Min(footnote.Span.Length, markdown.Length - footnote.Span.Start));
                references[label] = Spaces().Replace(FootnoteLabel().Replace(source, string.Empty), " ").Trim();
            }
        }

        return references;
    }

    [GeneratedRegex(@"(?<![\p{L}\p{N}.,])(?<amount>\d+(?:[.,]\d+)?(?:\s*(?:-|–|to)\s*\d+(?:[.,]\d+)?)?)\s?(?<unit>mg/kg|mg|mcg|µg|μg|g|ml|%|hours?|hrs?|days?|weeks?)(?![\p{L}])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Quantity();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\bhref\s*=\s*[""']?(?<url>[^""'\s>]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex HtmlLink();

    [GeneratedRegex(@"^\s*\[\^[^\]]*\]:\s*", RegexOptions.CultureInvariant)]
    private static partial Regex FootnoteLabel();
}
