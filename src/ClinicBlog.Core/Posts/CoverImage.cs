using ClinicBlog.Core.Media;

namespace ClinicBlog.Core.Posts;

/// <summary>A post's cover image: its file under /media/ and its size, so pages can reserve the space,
/// and the widths of its smaller copies for <c>srcset</c>.</summary>
public sealed record CoverImage(string FileName, int Width, int Height, string? VariantWidths = null)
{
    public string? Srcset => ResponsiveImage.SrcsetFor(FileName, Width, VariantWidths);
}
