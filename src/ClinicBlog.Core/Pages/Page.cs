using System.Security.Cryptography;
using System.Text.Json;
using ClinicBlog.Core.Authors;
using ClinicBlog.Core.Content;
using ClinicBlog.Core.Data;

namespace ClinicBlog.Core.Pages;

/// <summary>A static page of the clinic's site ("About us", "Locations and hours"), at /{slug}: not an
/// article, so never in the feeds, the article lists or search.</summary>
public class Page : ITimestamped
{
    public int Id { get; set; }

    public required string Title { get; set; }

    public required string Slug { get; set; }

    /// <summary>One or two sentences: the page's meta description.</summary>
    public string? Summary { get; set; }

    public required string Body { get; set; }

    public required string BodyHtml { get; set; }

    public PageStatus Status { get; set; }

    /// <summary>When it was first published; null while a draft never published.</summary>
    public DateTime? PublishedAt { get; set; }

    /// <summary>A clinician (an author profile with credentials) who reviewed this text, when recorded.</summary>
    public int? ReviewerId { get; set; }

    public Author? Reviewer { get; set; }

    public DateTime? ReviewedAt { get; set; }

    /// <summary>The fingerprint of the text the review covers: the review line shows only while it matches.</summary>
    public string? ReviewedContentHash { get; set; }

    /// <summary>Where an import took this from (the old site and its id there, such as
    /// <c>oldclinic.example/post/123</c>), so importing the same export again recognises it.</summary>
    public string? ImportKey { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public List<PageRevision> Revisions { get; } = [];

    public bool ReviewCoversText => ReviewedContentHash is not null && ReviewedContentHash == Fingerprint(Title, Summary, Body);

    public void SetBody(string markdown, MarkdownRenderer renderer, IReadOnlyDictionary<string, Media.ResponsiveImage>? images)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        Body = markdown ?? string.Empty;
        BodyHtml = renderer.RenderPost(Body, images);
    }

    /// <summary>What a review signs: the title, summary and text.</summary>
    public static string Fingerprint(string title, string? summary, string body) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(new[] { title, summary ?? string.Empty, body })));
}
