namespace ClinicBlog.Core.Data;

/// <summary>Text for SQL LIKE/ILIKE patterns with <c>\</c> as the escape character.</summary>
public static class LikePattern
{
    /// <summary>The escape character the patterns below use (pass it to <c>EF.Functions.Like</c>).</summary>
    public const string Escape = "\\";

    /// <summary><paramref name="text"/> as a pattern that matches only itself.</summary>
    public static string Literal(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
    }
}
