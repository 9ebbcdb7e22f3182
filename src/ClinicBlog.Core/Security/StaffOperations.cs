using ClinicBlog.Core.Posts;

namespace ClinicBlog.Core.Security;

/// <summary>What staff do with posts.</summary>
public enum PostOperation
{
    /// <summary>Open it in the admin: the editor, its revisions, its review page.</summary>
    Open,

    /// <summary>Change its text, tags and settings (live posts: as pending changes while review is required).</summary>
    Edit,

    Delete,

    /// <summary>Publish, schedule or archive it, choose its author, record a review by a clinician without a
    /// login, and publish or discard pending changes.</summary>
    Publish,

    /// <summary>Sign off its text (or pending changes) as a reviewer.</summary>
    SignOff,
}

/// <summary>What staff do with reader comments.</summary>
public enum CommentOperation
{
    /// <summary>Approve, reject, mark as spam, delete, reply, redact.</summary>
    Moderate,

    /// <summary>Ban the sender everywhere.</summary>
    Ban,
}

/// <summary>What Admins do with other staff accounts.</summary>
public enum StaffAccountOperation
{
    /// <summary>Create, change role, reset password or two-factor.</summary>
    Manage,

    Lock,
}

/// <summary>What a post rule needs to know about the post.</summary>
public sealed record PostFacts(int AuthorId, PostStatus Status);

/// <summary>What a comment rule needs to know about the comment: whose post it is under.</summary>
public sealed record CommentFacts(int PostAuthorId);

/// <summary>What an account rule needs to know about the account acted on.</summary>
public sealed record StaffAccountFacts(string UserId);
