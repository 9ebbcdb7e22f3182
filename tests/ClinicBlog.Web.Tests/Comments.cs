using AngleSharp.Dom;

namespace ClinicBlog.Web.Tests;

/// <summary>Posting comments through the real form on the post page.</summary>
public static class Comments
{
    public static async Task<HttpResponseMessage> PostCommentAsync(
        this HttpClient client, string slug, string name, string body, string? email = null, int? replyTo = null, string? website = null)
    {
        var page = await client.GetDocumentAsync(replyTo is null ? $"/posts/{slug}" : $"/posts/{slug}?replyTo={replyTo}");
        var fields = new Dictionary<string, string> { ["Name"] = name, ["Body"] = body };
        if (email is not null)
        {
            fields["Email"] = email;
        }

        if (website is not null)
        {
            fields["Website"] = website;
        }

        return await client.SubmitAsync(page.Form("#comment-form form"), fields);
    }

    public static string? FieldError(this IDocument page, string field) =>
        page.QuerySelector($"[data-error-for={field}]")?.TextContent.Trim() is { Length: > 0 } text ? text : null;
}
