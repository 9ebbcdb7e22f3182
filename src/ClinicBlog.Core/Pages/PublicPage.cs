using ClinicBlog.Core.Posts;

namespace ClinicBlog.Core.Pages;

/// <summary>A published page as its reader page shows it.</summary>
public sealed record PublicPage(string Title, string Slug, string? Summary, string BodyHtml, DateTime PublishedAt, DateTime UpdatedAt, AuthorByline? Reviewer, DateTime? ReviewedAt);
