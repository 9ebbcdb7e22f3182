using System.Text.Json;
using System.Text.Json.Serialization;
using ClinicBlog.Core;
using ClinicBlog.Core.Posts;

namespace ClinicBlog.Web.Models;

/// <summary>Builds a post's JSON-LD (schema.org MedicalWebPage and BreadcrumbList) by serialization,
/// never by string concatenation. The default encoder escapes &lt;, &gt; and &amp;, so no title can
/// close the script element the data sits in.</summary>
public static class PostStructuredData
{
    private static readonly JsonSerializerOptions Options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Build(PostDetail post, PublicUrls urls, BlogOptions settings)
    {
        ArgumentNullException.ThrowIfNull(post);
        ArgumentNullException.ThrowIfNull(urls);
        ArgumentNullException.ThrowIfNull(settings);
        var url = urls.Post(post.Slug);
        var page = new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "MedicalWebPage",
            ["headline"] = post.Title,
            ["name"] = post.Title,
            ["description"] = post.Summary,
            ["url"] = url,
            ["mainEntityOfPage"] = url,
            ["inLanguage"] = "en",
            ["datePublished"] = Formats.MachineDate(post.PublishedAt),
            ["dateModified"] = Formats.MachineDate(post.UpdatedAt),
            ["author"] = Person(post.Author, urls),
            // Only while the review covers exactly the text on the page.
            ["reviewedBy"] = post.Reviewer is null || post.ReviewIsStale ? null : Person(post.Reviewer, urls),
            ["lastReviewed"] = post.ReviewedAt is { } reviewed && post.Reviewer is not null && !post.ReviewIsStale
                ? reviewed.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null,
            ["publisher"] = Publisher(settings, urls),
            ["keywords"] = post.Tags.Count == 0 ? null : string.Join(", ", post.Tags.Select(t => t.Name)),
            ["image"] = post.Cover is null ? null : urls.Absolute("/media/" + post.Cover.FileName),
        };
        var breadcrumbs = new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "BreadcrumbList",
            ["itemListElement"] = new[]
            {
                new Dictionary<string, object?> { ["@type"] = "ListItem", ["position"] = 1, ["name"] = "Articles", ["item"] = urls.Absolute("/") },
                new Dictionary<string, object?> { ["@type"] = "ListItem", ["position"] = 2, ["name"] = post.Title, ["item"] = url },
            },
        };
        return JsonSerializer.Serialize(new[] { WithoutNulls(page), breadcrumbs }, Options);
    }

    /// <summary>Absent rather than null: a page not (or no longer) reviewed makes no reviewedBy claim at all.</summary>
    internal static Dictionary<string, object?> WithoutNulls(Dictionary<string, object?> data)
    {
        foreach (var empty in data.Where(p => p.Value is null).Select(p => p.Key).ToList())
        {
            data.Remove(empty);
        }

        return data;
    }

    /// <summary>The clinic as publisher, with its logo when one is set.</summary>
    internal static Dictionary<string, object?> Publisher(BlogOptions settings, PublicUrls urls)
    {
        var publisher = new Dictionary<string, object?> { ["@type"] = "Organization", ["name"] = settings.Publisher, ["url"] = urls.Absolute("/") };
        if (settings.Logo is { } logo)
        {
            publisher["logo"] = new Dictionary<string, object?> { ["@type"] = "ImageObject", ["url"] = urls.Absolute("/media/" + logo) };
        }

        return publisher;
    }

    internal static Dictionary<string, object?> Person(AuthorByline person, PublicUrls urls) => new()
    {
        ["@type"] = "Person",
        ["name"] = person.DisplayName,
        ["jobTitle"] = person.Credentials,
        ["url"] = urls.Absolute("/authors/" + person.Slug),
    };
}
