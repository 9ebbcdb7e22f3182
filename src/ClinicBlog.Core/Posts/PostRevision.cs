namespace ClinicBlog.Core.Posts;

/// <summary>One version of a post's reader-visible content, never changed once written: words a save
/// replaced (so no edit ever loses text), a version of a live post waiting for review (pending changes),
/// or text a reviewer signed off. A sign-off names the reviewer, the day and the staff member who gave
/// or recorded it.</summary>
public class PostRevision
{
    public int Id { get; set; }

    public int PostId { get; set; }

    public Post Post { get; set; } = null!;

    public required string Title { get; set; }

    /// <summary>The address; null in revisions written before it was kept.</summary>
    public string? Slug { get; set; }

    public string? Summary { get; set; }

    public required string Body { get; set; }

    /// <summary>Tag names, comma-separated; null in revisions written before they were kept.</summary>
    public string? Tags { get; set; }

    /// <summary>The cover image's file name.</summary>
    public string? CoverImage { get; set; }

    /// <summary>The <see cref="PostContent.Fingerprint"/> of this version; null in revisions written before it was kept.</summary>
    public string? ContentHash { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>The staff user whose save wrote (or, for replaced words, replaced) this version.</summary>
    public string? CreatedById { get; set; }

    /// <summary>The clinician who signed this version off, if one did.</summary>
    public int? ReviewerId { get; set; }

    public Authors.Author? Reviewer { get; set; }

    /// <summary>The day of the sign-off.</summary>
    public DateTime? ReviewedAt { get; set; }

    /// <summary>The staff user who signed off (a reviewer) or recorded the sign-off of a clinician without a login (an editor).</summary>
    public string? SignedOffById { get; set; }

    /// <summary>This version's content; what an older revision did not keep comes from <paramref name="current"/>.</summary>
    public PostContent Content(PostContent current)
    {
        ArgumentNullException.ThrowIfNull(current);
        return new PostContent(
            Title,
            Slug ?? current.Slug,
            Summary,
            Body,
            Tags is null ? current.Tags : PostContent.SplitTags(Tags),
            Tags is null && ContentHash is null ? current.CoverImage : CoverImage);
    }

    /// <summary>A revision holding <paramref name="content"/>.</summary>
    public static PostRevision Of(int postId, PostContent content, DateTime now, string? byUserId)
    {
        ArgumentNullException.ThrowIfNull(content);
        return new PostRevision
        {
            PostId = postId,
            Title = content.Title,
            Slug = content.Slug,
            Summary = content.Summary,
            Body = content.Body,
            Tags = content.TagList,
            CoverImage = content.CoverImage,
            ContentHash = content.Fingerprint(),
            CreatedAt = now,
            CreatedById = byUserId,
        };
    }
}
