namespace ClinicBlog.Core.Posts;

/// <summary>What one staff member typed into a post's editor and has not saved yet, kept by the editor's
/// autosave so a closed tab or a crash loses nothing. Never published, never part of the post or its
/// review; saving the post (or discarding) removes it.</summary>
public class PostAutosave
{
    public int Id { get; set; }

    /// <summary>The post, or null for a new post not saved yet (one per staff member).</summary>
    public int? PostId { get; set; }

    public Post? Post { get; set; }

    public required string UserId { get; set; }

    public string? Title { get; set; }

    public string? Slug { get; set; }

    public string? Summary { get; set; }

    public string? Body { get; set; }

    public string? Tags { get; set; }

    public string? CoverImage { get; set; }

    public DateTime SavedAt { get; set; }
}
