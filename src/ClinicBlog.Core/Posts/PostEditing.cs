
namespace ClinicBlog.Core.Posts;

/// <summary>The editor form: everything a post's author or editor can change.</summary>
public sealed class PostInput
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
}

public enum PostSaveOutcome
{
    Saved,
    Invalid,
    Forbidden,
    NotFound,
    Conflict,
}

/// <summary>The other version, when someone saved the post while this editor had it open.</summary>
public sealed record PostConflict(string Title, string? Summary, string Body, Guid ConcurrencyStamp, DateTime UpdatedAt);

/// <summary>The outcome of a save, with messages per field (key "" for the whole form).</summary>
public sealed record PostSaveResult(PostSaveOutcome Outcome, IReadOnlyDictionary<string, string> Errors, int? PostId = null, PostConflict? Conflict = null)
{
    public static PostSaveResult Of(PostSaveOutcome outcome) => new(outcome, new Dictionary<string, string>());
}
