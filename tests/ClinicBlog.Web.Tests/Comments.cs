using AngleSharp.Dom;

namespace ClinicBlog.Web.Tests;

/// <summary>Posting comments through the real form on the post page, and approving them as a moderator does.</summary>
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

    /// <summary>Approves a pending comment from the moderation queue (<paramref name="queue"/>), with the
    /// Approve button on its row; fails the test unless the queue answers 200 afterwards.</summary>
    public static async Task ApproveInModerationAsync(this HttpClient staff, int commentId, string queue = "/admin/comments")
    {
        var page = await staff.GetDocumentAsync(queue);
        await staff.SubmitExpectingSuccessAsync(page.Form(".moderation-form"), null, $"#queue-{commentId} button[value=approve]");
    }

    public static string? FieldError(this IDocument page, string field) =>
        page.QuerySelector($"[data-error-for={field}]")?.TextContent.Trim() is { Length: > 0 } text ? text : null;
}
