using System.Net;

namespace ClinicBlog.Core.Comments;

/// <summary>What a reader typed into the comment form, and where it came from.</summary>
public sealed record CommentSubmission(
    string PostSlug, string? Name, string? Email, string? Body, int? ParentId, string? Honeypot, IPAddress? RemoteIp);

public enum CommentSubmissionOutcome
{
    /// <summary>Stored (as Pending, or as Spam when a rule says so; the sender is thanked either way).</summary>
    Accepted,

    /// <summary>A field is wrong; nothing stored.</summary>
    Invalid,

    /// <summary>No visible post has that slug.</summary>
    PostNotFound,

    /// <summary>The post no longer takes comments.</summary>
    Closed,

    /// <summary>The same text was posted to this post a moment ago.</summary>
    Duplicate,
}
