using System.Text.RegularExpressions;

namespace ClinicBlog.Core.Comments;

/// <summary>Spots what looks like a phone number or an email address in a comment, so staff can
/// redact it before approving: commenters often share more than they should on a health blog.</summary>
public static partial class ContactDetailsDetector
{
    public static bool LooksLikeContactDetails(string? text) =>
        !string.IsNullOrEmpty(text) && (EmailPattern().IsMatch(text) || PhonePattern().IsMatch(text));

    /// <summary>The passages that look like an email address or a phone number, in order, each once.</summary>
    public static IReadOnlyList<string> Find(string? text) => string.IsNullOrEmpty(text)
        ? []
        : EmailPattern().Matches(text).Concat(PhonePattern().Matches(text))
            .OrderBy(m => m.Index).Select(m => m.Value.Trim()).Distinct(StringComparer.Ordinal).ToList();

    [GeneratedRegex(@"[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex EmailPattern();

    // Seven or more digits, allowing the usual separators: (555) 123-4567, +44 20 7946 0958, 555.123.4567.
    [GeneratedRegex(@"(?<!\d)(\+?\d[\s().-]*){7,15}(?!\d)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PhonePattern();
}
