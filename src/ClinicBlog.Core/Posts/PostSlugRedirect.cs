namespace ClinicBlog.Core.Posts;

/// <summary>A slug a post used to have; requests for it are redirected to the post's current URL.</summary>
public class PostSlugRedirect
{
    public int Id { get; set; }

    public required string OldSlug { get; set; }

    public int PostId { get; set; }

    public Post Post { get; set; } = null!;

    public DateTime CreatedAt { get; set; }
}
