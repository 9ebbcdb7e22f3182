using System.ComponentModel.DataAnnotations;

namespace ClinicBlog.Core;

/// <summary>The blog's settings, bound from the <c>Blog</c> configuration section.</summary>
public sealed class BlogOptions : IValidatableObject
{
    public const string Section = "Blog";

    /// <summary>The folder holding all state: database, uploads and Data Protection keys.
    /// Relative paths are resolved against the app's content root.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>The blog's name, shown in the header and page titles.</summary>
    [Required, StringLength(80)]
    public string Title { get; set; } = "Clinic Blog";

    /// <summary>A one-line description of the blog for the home page and meta tags.</summary>
    [StringLength(300)]
    public string Description { get; set; } = "Evidence-based articles on mental health and treatment from our clinic's clinicians.";

    /// <summary>The public address of the blog, such as https://blog.clinic.org, for absolute links in
    /// feeds, the sitemap and canonical links. When empty, the request's own scheme and host are used.
    /// When set, requests naming another host are refused (unless AllowedHosts says otherwise).</summary>
    public string? BaseUrl { get; set; }

    /// <summary><see cref="BaseUrl"/> as an absolute address, or null when it is not set.</summary>
    public Uri? PublicAddress => Uri.TryCreate(BaseUrl?.Trim(), UriKind.Absolute, out var uri) ? uri : null;

    /// <summary>The clinic's time zone (an IANA name such as <c>Europe/London</c> or <c>America/Chicago</c>):
    /// staff enter and see publish times in it, and reader pages show dates in it. Times are stored in UTC.</summary>
    [Required]
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Who publishes the blog, for structured data (JSON-LD) and feeds.</summary>
    [Required, StringLength(120)]
    public string Publisher { get; set; } = "The Clinic";

    /// <summary>The clinic's logo: an uploaded image's file name under /media/, shown in the header, the
    /// feeds and structured data. Empty: none.</summary>
    [StringLength(80)]
    public string? Logo { get; set; }

    /// <summary>The reverse proxies (addresses or networks such as <c>10.0.0.0/8</c>, separated by commas)
    /// whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> headers are believed. Anyone else's are
    /// ignored: a client could otherwise name any address and escape rate limits and bans. Empty: only a
    /// proxy on this machine (loopback) is believed.</summary>
    public string? TrustedProxies { get; set; }

    /// <summary>Posts per page on the home, author and tag lists.</summary>
    [Range(1, 100)]
    public int PageSize { get; set; } = 10;

    /// <summary>The medical disclaimer shown under every post.</summary>
    [Required]
    public string MedicalDisclaimer { get; set; } =
        "This article is for general information only and is not medical advice. It does not replace a consultation " +
        "with a qualified clinician. Always seek the advice of your doctor or another qualified health provider with " +
        "any questions about a medical condition or treatment.";

    /// <summary>Posts with any of these tags (by name, case-insensitive) show <see cref="CrisisNotice"/> above the article.</summary>
    public IList<string> CrisisTags { get; set; } = [];

    /// <summary>The calm crisis-resources notice shown on posts about suicide, self-harm or depression.</summary>
    [Required]
    public string CrisisNotice { get; set; } =
        "If you are in crisis or thinking about suicide, call or text 988 (US) or your local emergency number.";

    /// <summary>The tags that show the crisis notice when <see cref="CrisisTags"/> is not configured.</summary>
    public static IReadOnlyList<string> DefaultCrisisTags { get; } = ["suicide", "self-harm", "crisis", "depression", "mental health"];

    /// <summary>True when a post with these tag names should show the crisis notice.</summary>
    public bool NeedsCrisisNotice(IEnumerable<string> tagNames)
    {
        IEnumerable<string> crisisTags = CrisisTags.Count > 0 ? CrisisTags : DefaultCrisisTags;
        return tagNames.Any(name => crisisTags.Contains(name, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>The privacy notice at /privacy, in Markdown; a default describing what the blog keeps when empty.</summary>
    public string? PrivacyNotice { get; set; }

    /// <summary>The comment policy at /comment-policy, in Markdown; a default when empty.</summary>
    public string? CommentPolicy { get; set; }

    /// <summary>Serve readers' pages from the output cache (turn off only to measure or debug).</summary>
    public bool OutputCache { get; set; } = true;

    /// <summary>The most memory the in-process output cache may hold; past it the least recently used
    /// pages make room. Measured: the post page is 4–13 KB per encoding, so 32 MB keeps thousands.</summary>
    [Range(1, 4096)]
    public int OutputCacheMegabytes { get; set; } = 32;

    /// <summary>Sign-in attempts (password or code) allowed per client per minute, on top of account lockout.</summary>
    [Range(1, 100_000)]
    public int SignInRateLimitPermits { get; set; } = 10;

    /// <summary>Staff must turn on two-factor sign-in (an authenticator app) before using the staff pages.</summary>
    public bool RequireTwoFactor { get; set; }

    /// <summary>The first administrator, created on the first start when no staff account exists.</summary>
    public AdminAccountOptions Admin { get; set; } = new();

    /// <summary>An empty <see cref="BaseUrl"/> means "not set" (as <c>Blog__BaseUrl=</c> in a compose
    /// file gives); anything else must be an absolute http or https address.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(BaseUrl)
            && !(Uri.TryCreate(BaseUrl.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.Query.Length == 0))
        {
            yield return new ValidationResult(
                $"Blog:BaseUrl must be the blog's public address, such as https://blog.clinic.org; '{BaseUrl}' is not.", [nameof(BaseUrl)]);
        }
    }
}
