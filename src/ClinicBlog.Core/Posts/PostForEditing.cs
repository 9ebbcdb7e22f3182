namespace ClinicBlog.Core.Posts;

/// <summary>A post loaded into the editor, with what the editor shows beside the form. For a live post
/// with pending changes, the form holds the pending changes (they are what staff go on editing).</summary>
public sealed record PostForEditing(int Id, PostInput Input, PostStatus Status, string? ReviewerName, DateTime? ReviewedAt, bool ReviewIsStale, DateTime? SubmittedAt, int AuthorId)
{
    /// <summary>The title and address readers see.</summary>
    public string LiveTitle { get; init; } = string.Empty;

    public string LiveSlug { get; init; } = string.Empty;

    /// <summary>The pending changes, when there are some: their revision, when they were last saved, and
    /// who signed them off (null while nobody has).</summary>
    public int? PendingRevisionId { get; init; }

    public DateTime? PendingSavedAt { get; init; }

    public string? PendingSignedOffBy { get; init; }

    public DateTime? PendingSignedOffAt { get; init; }

    /// <summary>The pending changes may be published (signed off, or only the address changed).</summary>
    public bool PendingCanBePublished { get; init; }

    /// <summary>What the permission rules need to know about this post.</summary>
    public Security.PostFacts Facts => new(AuthorId, Status);
}
