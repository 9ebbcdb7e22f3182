using ClinicBlog.Core.Posts;

namespace ClinicBlog.Web.Models;

public sealed record ArchiveMonth(DateTime Month, IReadOnlyList<ArchiveEntry> Posts);
