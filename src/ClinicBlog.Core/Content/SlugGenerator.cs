using System.Globalization;
using System.Text;

namespace ClinicBlog.Core.Content;

/// <summary>Makes URL slugs: lower-case ASCII letters and digits separated by single hyphens.</summary>
public static class SlugGenerator
{
    /// <summary>The longest slug produced; longer titles are cut at a word boundary.</summary>
    public const int MaxLength = 80;

    /// <summary>The longest slug accepted (typed by staff, or kept from an old address) and stored.</summary>
    public const int MaxStoredLength = 120;

    /// <summary>Returns the slug for <paramref name="text"/>, or an empty string when it has no letters or digits.</summary>
    public static string Generate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length);
        var pendingHyphen = false;
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue; // é -> e
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingHyphen && builder.Length > 0)
                {
                    builder.Append('-');
                }

                builder.Append(char.ToLowerInvariant(c));
                pendingHyphen = false;
            }
            else if (c is not ('\'' or '’'))
            {
                // Apostrophes join ("clinic's" -> "clinics"); anything else separates words.
                pendingHyphen = true;
            }
        }

        var slug = builder.ToString();
        if (slug.Length <= MaxLength)
        {
            return slug;
        }

        var cut = slug.LastIndexOf('-', MaxLength);
        return cut > 0 ? slug[..cut] : slug[..MaxLength];
    }

    /// <summary>True when <paramref name="slug"/> is already in the form <see cref="Generate"/> produces.</summary>
    public static bool IsValid(string? slug) =>
        !string.IsNullOrEmpty(slug) && slug.Length <= MaxStoredLength && Generate(slug) == slug;
}
