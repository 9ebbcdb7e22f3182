using ClinicBlog.Core.Paging;
using ClinicBlog.Core.Posts;

namespace ClinicBlog.Web.Models;

/// <summary>One page of the archive: its posts by month, and the page they came from (for the pager).</summary>
public sealed record ArchiveViewModel(IReadOnlyList<ArchiveMonth> Months, PagedList<ArchiveEntry> Entries, Func<int, string?> PageUrl);
