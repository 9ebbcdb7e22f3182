namespace ClinicBlog.Core.Authors;

/// <summary>An author as the staff list shows it.</summary>
public sealed record AuthorListItem(int Id, string DisplayName, string Slug, string? Credentials, int Posts, string? LoginEmail);
