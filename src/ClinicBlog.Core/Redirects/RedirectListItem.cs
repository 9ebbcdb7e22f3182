namespace ClinicBlog.Core.Redirects;

/// <summary>A redirect as the staff list shows it.</summary>
public sealed record RedirectListItem(int Id, string FromPath, string ToUrl, DateTime CreatedAt);
