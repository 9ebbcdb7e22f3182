namespace ClinicBlog.Web.Models;

/// <summary>One page of the archive: its posts by month, and where the other pages are.</summary>
public sealed record ArchiveViewModel(IReadOnlyList<ArchiveMonth> Months, int Page, int TotalPages, int TotalCount, Func<int, string?> PageUrl);
