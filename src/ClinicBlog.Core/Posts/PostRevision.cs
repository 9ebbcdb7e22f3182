namespace ClinicBlog.Core.Posts;

/// <summary>A post's words as they were before a save, so no edit ever loses text.</summary>
public class PostRevision
{
    public int Id { get; set; }

    public int PostId { get; set; }

    public Post Post { get; set; } = null!;

    public required string Title { get; set; }

    public string? Summary { get; set; }

    public required string Body { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>The staff user whose save replaced this version.</summary>
    public string? CreatedById { get; set; }
}
