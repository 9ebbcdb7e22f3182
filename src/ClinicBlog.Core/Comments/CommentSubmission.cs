using System.Net;

namespace ClinicBlog.Core.Comments;

/// <summary>What a reader typed into the comment form, and where it came from.</summary>
public sealed record CommentSubmission(
    string PostSlug, string? Name, string? Email, string? Body, int? ParentId, string? Honeypot, IPAddress? RemoteIp);
