namespace ClinicBlog.Core.Posts;

/// <summary>A saved version, listed in the editor, with the clinician who signed it off (if one did).</summary>
public sealed record RevisionItem(int Id, DateTime CreatedAt, string Title, int Length, string? SignedOffBy);
