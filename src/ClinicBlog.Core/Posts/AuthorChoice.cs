namespace ClinicBlog.Core.Posts;

/// <summary>A choice in the editor's author and reviewer lists.</summary>
public sealed record AuthorChoice(int Id, string DisplayName, string Slug, string? Credentials)
{
    /// <summary>The author has a staff account (a reviewer with one signs off on the review page).</summary>
    public bool HasLogin { get; init; }
}
