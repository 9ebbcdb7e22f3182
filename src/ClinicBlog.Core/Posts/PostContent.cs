using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ClinicBlog.Core.Posts;

/// <summary>What readers see of a post, as one value: its address and the text a medical reviewer signs
/// off (title, summary, the Markdown body with its references, tags and cover image).</summary>
public sealed record PostContent(string Title, string Slug, string? Summary, string Body, IReadOnlyList<string> Tags, string? CoverImage)
{
    /// <summary>The tags as the editor shows them: names, comma-separated.</summary>
    public string TagList => string.Join(", ", Tags);

    /// <summary>SHA-256 of everything a reviewer signs off, in a fixed form (tags in name order). The slug
    /// is left out: moving the address does not change what was reviewed.</summary>
    public string Fingerprint()
    {
        var canonical = JsonSerializer.SerializeToUtf8Bytes(new object?[]
        {
            Title, Summary ?? string.Empty, Body, Tags.Order(StringComparer.OrdinalIgnoreCase).ToArray(), CoverImage ?? string.Empty,
        });
        return Convert.ToHexStringLower(SHA256.HashData(canonical));
    }

    /// <summary>True when the signed-off text is the same (whatever the slug).</summary>
    public bool SameTextAs(PostContent other) => other is not null && Fingerprint() == other.Fingerprint();

    /// <summary>Tag names from the editor's comma-separated field, each once.</summary>
    public static IReadOnlyList<string> SplitTags(string? tags) =>
        (tags ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>The fingerprint earlier versions kept: the body alone (to recognise their sign-offs).</summary>
    public static string BodyOnlyHash(string body) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body ?? string.Empty)));
}
