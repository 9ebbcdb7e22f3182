namespace ClinicBlog.Core.Redirects;

/// <summary>The redirect form as typed.</summary>
public class RedirectInput
{
    /// <summary>The old address (a path, a path with its query, or a full URL of the old site).</summary>
    public string? From { get; set; }

    /// <summary>The new address (a path on this blog or an http(s) URL).</summary>
    public string? To { get; set; }

    public void CopyFrom(RedirectInput other)
    {
        ArgumentNullException.ThrowIfNull(other);
        From = other.From;
        To = other.To;
    }
}
