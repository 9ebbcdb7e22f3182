using ClinicBlog.Core.Posts;

namespace ClinicBlog.Core.Pages;

/// <summary>A page opened in the editor.</summary>
public sealed record PageForEditing(int Id, PageInput Input, PageStatus Status, bool ReviewCoversText, string? ReviewerName, IReadOnlyList<RevisionItem> Revisions);
