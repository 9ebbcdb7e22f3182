namespace ClinicBlog.Core.Pages;

/// <summary>A clinician who can be recorded as a page's reviewer.</summary>
public sealed record ReviewerChoice(int Id, string DisplayName, string Credentials);
