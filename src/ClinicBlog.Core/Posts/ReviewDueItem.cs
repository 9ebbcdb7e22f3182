namespace ClinicBlog.Core.Posts;

/// <summary>A published post due for medical review.</summary>
public sealed record ReviewDueItem(int Id, string Title, string Slug, string? ReviewerName, DateTime? ReviewedAt, bool ReviewIsStale, DateTime? DueAt)
{
    /// <summary>Brought in from the clinic's previous site: never reviewed here.</summary>
    public bool Imported { get; init; }
}
