using System.Text.RegularExpressions;

namespace ClinicBlog.Core.Content;

/// <summary>Readability of English patient-facing text: the Flesch–Kincaid grade, long sentences and
/// passive voice, measured on what readers see (the rendered article, without its references, code or
/// tables). Heuristics, as every such tool's are: they guide the writer and never block publishing.</summary>
public static partial class Readability
{
    /// <summary>A sentence longer than this many words is reported as long.</summary>
    public const int LongSentenceWords = 25;

    private const char BlockEnd = '\u2029';

    private static readonly HashSet<string> Be = new(StringComparer.OrdinalIgnoreCase) { "am", "is", "are", "was", "were", "be", "been", "being", "isn't", "aren't", "wasn't", "weren't" };

    private static readonly HashSet<string> IrregularParticiples = new(StringComparer.OrdinalIgnoreCase)
    {
        "done", "made", "given", "taken", "seen", "known", "shown", "found", "told", "written", "held", "kept", "left",
        "felt", "paid", "sent", "built", "bought", "brought", "caught", "taught", "thought", "put", "set", "cut", "led",
        "spent", "chosen", "spoken", "broken", "driven", "eaten", "hidden", "drawn", "grown", "thrown", "worn", "torn",
        "understood", "meant", "said", "sold", "heard", "won", "begun", "run", "hurt", "met", "lost", "fed", "read",
    };

    /// <summary>Measures the rendered, sanitized HTML of an article.</summary>
    public static ReadabilityReport Analyze(string html)
    {
        var sentences = Sentences(html);
        var words = 0;
        var syllables = 0;
        var longOnes = 0;
        var passive = 0;
        foreach (var sentence in sentences)
        {
            var tokens = Word().Matches(sentence).Select(m => m.Value).ToList();
            words += tokens.Count;
            syllables += tokens.Sum(Syllables);
            longOnes += tokens.Count > LongSentenceWords ? 1 : 0;
            passive += IsPassive(tokens) ? 1 : 0;
        }

        var grade = words == 0 ? 0 : (0.39 * words / sentences.Count) + (11.8 * syllables / words) - 15.59;
        return new ReadabilityReport(words, sentences.Count, Math.Round(Math.Max(0, grade), 1), longOnes, passive);
    }

    /// <summary>The sentences of the text readers see: each heading, list item and paragraph ends one.</summary>
    private static List<string> Sentences(string html)
    {
        using var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument("<!doctype html><body>" + html);
        foreach (var skipped in document.QuerySelectorAll(".footnotes, pre, code, table, sup.footnote-ref").ToList())
        {
            skipped.Remove();
        }

        foreach (var block in document.QuerySelectorAll("p, li, h1, h2, h3, h4, h5, h6, dt, dd, blockquote"))
        {
            block.AppendChild(document.CreateTextNode(BlockEnd.ToString()));
        }

        return (document.Body?.TextContent ?? string.Empty)
            .Split(BlockEnd)
            .SelectMany(block => SentenceEnd().Split(block))
            .Select(s => s.Trim())
            .Where(s => Word().IsMatch(s))
            .ToList();
    }

    /// <summary>Vowel groups, less a silent final "e": the usual English estimate, at least one a word.</summary>
    private static int Syllables(string word)
    {
        var w = word.ToLowerInvariant().Replace("’", "'", StringComparison.Ordinal).Split('\'')[0];
        if (w.Length <= 3)
        {
            return 1;
        }

        if (w.EndsWith('e') && !w.EndsWith("le", StringComparison.Ordinal))
        {
            w = w[..^1];
        }

        return Math.Max(1, VowelGroup().Count(w));
    }

    /// <summary>A form of "to be" followed (perhaps after "not" or an -ly word) by a past participle.</summary>
    private static bool IsPassive(List<string> tokens)
    {
        for (var i = 0; i < tokens.Count - 1; i++)
        {
            if (!Be.Contains(tokens[i]))
            {
                continue;
            }

            var j = i + 1;
            while (j < tokens.Count - 1 && (tokens[j].Equals("not", StringComparison.OrdinalIgnoreCase) || tokens[j].EndsWith("ly", StringComparison.OrdinalIgnoreCase)))
            {
                j++;
            }

            var next = tokens[j];
            if ((next.Length > 4 && next.EndsWith("ed", StringComparison.OrdinalIgnoreCase)) || IrregularParticiples.Contains(next))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"[A-Za-z][A-Za-z'’\-]*")]
    private static partial Regex Word();

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[""“‘(]?[A-Z0-9])")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex("[aeiouy]+")]
    private static partial Regex VowelGroup();
}
