namespace ClinicBlog.Core.Pages;

/// <summary>A page as the staff list shows it.</summary>
public sealed record PageListItem(int Id, string Title, string Slug, PageStatus Status, DateTime UpdatedAt);
