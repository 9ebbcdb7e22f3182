namespace ClinicBlog.Core.Media;

/// <summary>An uploaded image as the staff pages list it.</summary>
public sealed record MediaListItem(string FileName, string OriginalName, int Width, int Height, DateTime CreatedAt, string VariantWidths = "")
{
    /// <summary>The smallest copy, good enough for a thumbnail; the original when it has none.</summary>
    public string ThumbnailName => VariantWidths.Length > 0 ? ResponsiveImage.CopyName(FileName, ImageVariants.Widths[0]) : FileName;
}
