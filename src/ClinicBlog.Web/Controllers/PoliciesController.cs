using System.Globalization;
using ClinicBlog.Core;
using ClinicBlog.Core.Comments;
using ClinicBlog.Core.Content;
using ClinicBlog.Web.Models;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace ClinicBlog.Web.Controllers;

/// <summary>The privacy notice and the comment policy: Markdown from settings, or the defaults kept
/// with the app (which state the configured retention period).</summary>
public sealed class PoliciesController(MarkdownRenderer renderer, IOptions<BlogOptions> blog, IOptions<CommentOptions> comments) : Controller
{
    [HttpGetOrHead("/privacy")]
    public IActionResult Privacy()
    {
        ViewData["Description"] = "What the blog keeps about readers and commenters, why, and for how long.";
        return Page("Privacy notice", blog.Value.PrivacyNotice, "privacy.md");
    }

    [HttpGetOrHead("/comment-policy")]
    public IActionResult CommentPolicy()
    {
        ViewData["Description"] = "How comments are moderated: for spam, abuse, privacy and safety, not disagreement.";
        return Page("Comment policy", blog.Value.CommentPolicy, "comment-policy.md");
    }

    private ViewResult Page(string title, string? configured, string defaultFile)
    {
        var markdown = string.IsNullOrWhiteSpace(configured) ? Default(defaultFile) : configured;
        ViewData["Title"] = title;
        return View("Policy", new PolicyViewModel(title, renderer.RenderPost(markdown)));
    }

    private string Default(string file)
    {
        using var stream = typeof(PoliciesController).Assembly.GetManifestResourceStream("ClinicBlog.Policies." + file)
            ?? throw new InvalidOperationException($"The default text {file} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd()
            .Replace("{Blog}", blog.Value.Title, StringComparison.Ordinal)
            .Replace("{RetentionDays}", comments.Value.IpHashRetentionDays.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}
