namespace ClinicBlog.Core.Pages;

public sealed record PageLink(string Title, string Slug, DateTime UpdatedAt);
