namespace ClinicBlog.Core.Pages;

/// <summary>A link as the menu shows it.</summary>
public sealed record MenuLink(int Id, string Label, string Url);
