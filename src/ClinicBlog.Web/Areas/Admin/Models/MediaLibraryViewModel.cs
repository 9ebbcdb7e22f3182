using ClinicBlog.Core.Media;

namespace ClinicBlog.Web.Areas.Admin.Models;

/// <summary>The image library: recent uploads, and the one just uploaded (shown first, with its Markdown).</summary>
public sealed record MediaLibraryViewModel(IReadOnlyList<MediaListItem> Files, string? Uploaded);
