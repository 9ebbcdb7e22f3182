namespace ClinicBlog.Core.Search;

/// <summary>A hit as the database returns it: the snippet still carries its match markers, unencoded.</summary>
public sealed record SearchRow(int Id, string Title, string Slug, string? Summary, DateTime PublishedAt, string? Snippet);
