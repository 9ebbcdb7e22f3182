namespace ClinicBlog.Core.Comments;

/// <summary>One stored comment, as a commenter's data export lists it.</summary>
public sealed record ExportedComment(
    int Id, string Post, string PostUrlPath, int? InReplyTo, string Name, string? Email, string Body,
    string Status, DateTime CreatedAt, DateTime UpdatedAt);
