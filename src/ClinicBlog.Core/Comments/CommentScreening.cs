using System.Text.RegularExpressions;

namespace ClinicBlog.Core.Comments;

/// <summary>Applies the comment rules in order of what matters most. A comment that mentions a crisis
/// is never sent to Spam by a word rule: a person in distress must reach a human moderator.</summary>
public static partial class CommentScreening
{
    public static ScreeningVerdict Screen(string name, string body, bool honeypotFilled, bool banned, CommentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (honeypotFilled)
        {
            return new ScreeningVerdict(CommentStatus.Spam, false, ["honeypot field was filled (automated sender)"]);
        }

        var reasons = new List<string>();
        var text = name + "\n" + body;
        var crisisWords = FindAll(text, options.EffectiveCrisisWords);
        if (crisisWords.Count > 0)
        {
            reasons.Add("crisis words: " + string.Join(", ", crisisWords));
        }

        var links = CountLinks(body);
        if (links > options.MaxLinks)
        {
            reasons.Add($"{links} links (more than {options.MaxLinks})");
        }

        var blocked = FindAll(text, options.BlockedWords);
        if (blocked.Count > 0)
        {
            reasons.Add("blocked words: " + string.Join(", ", blocked));
        }

        if (banned)
        {
            reasons.Add("banned commenter");
        }

        var urgent = crisisWords.Count > 0;
        var spam = !urgent && (blocked.Count > 0 || banned);
        return new ScreeningVerdict(spam ? CommentStatus.Spam : CommentStatus.Pending, urgent, reasons);
    }

    /// <summary>Counts the links a body would show: URLs, bare www. addresses and Markdown links.</summary>
    public static int CountLinks(string body) => LinkPattern().Count(body ?? string.Empty);

    private static List<string> FindAll(string text, IEnumerable<string> words) =>
        words.Where(w => !string.IsNullOrWhiteSpace(w) && text.Contains(w.Trim(), StringComparison.OrdinalIgnoreCase))
            .Select(w => w.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();

    [GeneratedRegex(@"(https?://|www\.)\S+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LinkPattern();
}
