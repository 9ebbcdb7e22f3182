namespace ClinicBlog.Core.Posts;

/// <summary>A post's cover image: its file under /media/ and its size, so pages can reserve the space.</summary>
public sealed record CoverImage(string FileName, int Width, int Height);
