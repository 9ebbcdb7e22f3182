namespace ClinicBlog.Core.Comments;

/// <summary>One stored comment, as a commenter's data export lists it.</summary>
public sealed record ExportedComment(
    int Id, string Post, string PostUrlPath, int? InReplyTo, string Name, string? Email, string Body,
    string Status, DateTime CreatedAt, DateTime UpdatedAt);

public enum EraseMode
{
    /// <summary>Keep the comments, with the name "Anonymous" and no email or IP hash.</summary>
    Anonymise,

    /// <summary>Delete the comments (and the replies under them).</summary>
    Delete,
}
