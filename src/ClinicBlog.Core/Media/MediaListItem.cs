namespace ClinicBlog.Core.Media;

/// <summary>An uploaded image as the staff pages list it.</summary>
public sealed record MediaListItem(string FileName, string OriginalName, int Width, int Height, DateTime CreatedAt);
