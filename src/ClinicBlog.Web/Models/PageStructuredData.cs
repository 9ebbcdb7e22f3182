using System.Text.Json;
using ClinicBlog.Core;
using ClinicBlog.Core.Pages;

namespace ClinicBlog.Web.Models;

/// <summary>A site page's JSON-LD (schema.org WebPage), serialized like the posts' (no title can close the script element).</summary>
public static class PageStructuredData
{
    private static readonly JsonSerializerOptions Options = new();

    public static string Build(PublicPage page, PublicUrls urls, BlogOptions settings)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(urls);
        ArgumentNullException.ThrowIfNull(settings);
        var url = urls.Absolute("/" + page.Slug);
        var data = new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "WebPage",
            ["name"] = page.Title,
            ["description"] = page.Summary,
            ["url"] = url,
            ["inLanguage"] = "en",
            ["datePublished"] = Formats.MachineDate(page.PublishedAt),
            ["dateModified"] = Formats.MachineDate(page.UpdatedAt),
            // Only while the recorded review covers exactly the text on the page.
            ["reviewedBy"] = page.Reviewer is null ? null : PostStructuredData.Person(page.Reviewer, urls),
            ["lastReviewed"] = page.Reviewer is not null && page.ReviewedAt is { } reviewed ? reviewed.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null,
            ["publisher"] = PostStructuredData.Publisher(settings, urls),
        };
        return JsonSerializer.Serialize(PostStructuredData.WithoutNulls(data), Options);
    }
}
