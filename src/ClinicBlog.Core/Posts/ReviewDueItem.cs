namespace ClinicBlog.Core.Posts;

/// <summary>A published post due for medical review.</summary>
public sealed record ReviewDueItem(int Id, string Title, string Slug, string? ReviewerName, DateTime? ReviewedAt, bool ReviewIsStale, DateTime? DueAt);
