namespace ClinicBlog.Core.Redirects;

/// <summary>An old address that answers 301 with a new one: a link from the clinic's previous site, or
/// anything staff moved. (Old slugs of renamed posts live with their post, <see cref="Posts.PostSlugRedirect"/>.)</summary>
public class Redirect
{
    public const int FromMaxLength = 500;

    public const int ToMaxLength = 2_000;

    public int Id { get; set; }

    /// <summary>The old address as <see cref="RedirectPaths.Normalize"/> keeps it: a path (lower case, no
    /// trailing slash), with its query string when it has one (<c>/?p=123</c>).</summary>
    public required string FromPath { get; set; }

    /// <summary>Where it goes: a path on this blog (<c>/posts/…</c>) or an http(s) address elsewhere.</summary>
    public required string ToUrl { get; set; }

    public DateTime CreatedAt { get; set; }

    public string? CreatedById { get; set; }
}
