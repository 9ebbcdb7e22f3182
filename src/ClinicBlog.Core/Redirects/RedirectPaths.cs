namespace ClinicBlog.Core.Redirects;

/// <summary>How old addresses are written and compared: a path (case-insensitive, with or without a
/// trailing slash) and, when it has one, its query string exactly (WordPress's <c>/?p=123</c>).</summary>
public static class RedirectPaths
{
    /// <summary>The blog's own addresses, which a redirect may not take over.</summary>
    private static readonly string[] OwnPrefixes = ["/admin", "/account", "/css", "/js", "/media", "/health", "/_"];

    /// <summary>The normalized form of an old address as staff type it (a full URL of the old site is
    /// accepted: its host is dropped), or null with the reason it cannot be one.</summary>
    public static string? Normalize(string? typed, out string? problem)
    {
        problem = null;
        var text = typed?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            problem = "Enter the old address, such as /about-us/ or /?p=123.";
            return null;
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            text = absolute.PathAndQuery;
        }

        if (!text.StartsWith('/') || text.StartsWith("//", StringComparison.Ordinal) || text.Contains('\\', StringComparison.Ordinal)
            || text.Contains('#', StringComparison.Ordinal) || text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            problem = "An old address starts with one / and has no spaces or #, such as /about-us/ or /?p=123.";
            return null;
        }

        var key = Key(text);
        if (key.Length > Redirect.FromMaxLength)
        {
            problem = $"An old address can be at most {Redirect.FromMaxLength} characters.";
            return null;
        }

        if (key == "/" || OwnPrefixes.Any(p => key == p || key.StartsWith(p + "/", StringComparison.Ordinal) || key.StartsWith(p + "?", StringComparison.Ordinal)))
        {
            problem = "That address is one of the blog's own pages; a redirect cannot take it over.";
            return null;
        }

        return key;
    }

    /// <summary>The lookup key of a request or a typed address (assumed to start with /).</summary>
    public static string Key(string pathAndQuery)
    {
        ArgumentNullException.ThrowIfNull(pathAndQuery);
        var at = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        var path = (at < 0 ? pathAndQuery : pathAndQuery[..at]).ToLowerInvariant();
        var query = at < 0 ? string.Empty : pathAndQuery[(at + 1)..];
        if (path.Length > 1)
        {
            path = path.TrimEnd('/');
            path = path.Length == 0 ? "/" : path;
        }

        return query.Length == 0 ? path : path + "?" + query;
    }

    /// <summary>The new address as staff type it, checked: a path on this blog or an http(s) URL; null with the reason otherwise.</summary>
    public static string? Target(string? typed, out string? problem)
    {
        problem = null;
        var text = typed?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            problem = "Enter the new address, such as /posts/what-is-ketamine-iv-treatment.";
            return null;
        }

        if (text.Length > Redirect.ToMaxLength)
        {
            problem = $"A new address can be at most {Redirect.ToMaxLength} characters.";
            return null;
        }

        var local = text.StartsWith('/') && !text.StartsWith("//", StringComparison.Ordinal) && !text.Contains('\\', StringComparison.Ordinal);
        var remote = Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && !string.IsNullOrEmpty(uri.Host);
        if ((!local && !remote) || text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            problem = "The new address is a path on this blog (starting with /) or a full http(s) address.";
            return null;
        }

        return text;
    }
}
