namespace ClinicBlog.Core.Redirects;

/// <summary>An old address of a renamed post.</summary>
public sealed record PostSlugRedirectItem(int Id, string OldSlug, string CurrentSlug, string Title, DateTime CreatedAt);
