using System.Text;

namespace ClinicBlog.Core.Content;

/// <summary>What every stored text goes through: control characters (null bytes and the like, which
/// nobody means to type and which XML feeds cannot even carry) are dropped, line endings become \n,
/// and the text is normalized to NFC.</summary>
public static class TextCleaning
{
    /// <summary>A one-line value (title, name, tag): line breaks become spaces, the ends are trimmed.</summary>
    public static string Line(string? value) => Text(value, keepLineBreaks: false).Trim();

    /// <summary>A multi-line value (an article, a comment, a bio): line breaks and tabs stay, only the end is trimmed.</summary>
    public static string Block(string? value) => Text(value, keepLineBreaks: true).TrimEnd();

    private static string Text(string? value, bool keepLineBreaks)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(value.Length);
        foreach (var c in value.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'))
        {
            if (c is '\n' or '\t')
            {
                builder.Append(keepLineBreaks ? c : ' ');
            }
            else if (!char.IsControl(c) && c is not ('\uFFFE' or '\uFFFF'))
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
