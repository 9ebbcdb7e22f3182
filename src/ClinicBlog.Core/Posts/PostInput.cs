
namespace ClinicBlog.Core.Posts;

/// <summary>The editor form: everything a post's author or editor can change.</summary>
public class PostInput
{
    public string? Title { get; set; }

    public string? Slug { get; set; }

    public string? Summary { get; set; }

    public string? Body { get; set; }

    /// <summary>Comma-separated tag names; unknown ones are created.</summary>
    public string? Tags { get; set; }

    public int? AuthorId { get; set; }

    public int? ReviewerId { get; set; }

    public DateTime? ReviewedAt { get; set; }

    public bool CommentsOpen { get; set; } = true;

    public PostStatus Status { get; set; } = PostStatus.Draft;

    /// <summary>When it goes (or went) live, in UTC; required for Scheduled.</summary>
    public DateTime? PublishAt { get; set; }

    public string? CoverImage { get; set; }

    /// <summary>The version the editor started from; a save against a newer version is a conflict.</summary>
    public Guid ConcurrencyStamp { get; set; }

    /// <summary>Takes every field of <paramref name="other"/> (the editor's view model extends the form it shows).</summary>
    public void CopyFrom(PostInput other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Title = other.Title;
        Slug = other.Slug;
        Summary = other.Summary;
        Body = other.Body;
        Tags = other.Tags;
        AuthorId = other.AuthorId;
        ReviewerId = other.ReviewerId;
        ReviewedAt = other.ReviewedAt;
        CommentsOpen = other.CommentsOpen;
        Status = other.Status;
        PublishAt = other.PublishAt;
        CoverImage = other.CoverImage;
        ConcurrencyStamp = other.ConcurrencyStamp;
    }
}
