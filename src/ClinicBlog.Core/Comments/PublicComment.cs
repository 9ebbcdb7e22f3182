namespace ClinicBlog.Core.Comments;

/// <summary>An approved comment as readers see it, with its approved replies. Never carries the email.</summary>
public sealed record PublicComment(int Id, string AuthorName, DateTime CreatedAt, string BodyHtml, bool IsFromStaff, IReadOnlyList<PublicComment> Replies);
