namespace ClinicBlog.Core.Posts;

/// <summary>A topic that groups posts, such as "Depression".</summary>
public class Tag
{
    public const int NameMaxLength = 60;

    public int Id { get; set; }

    public required string Name { get; set; }

    public required string Slug { get; set; }

    public List<Post> Posts { get; } = [];
}
