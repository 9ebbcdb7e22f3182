using System.Net;

namespace ClinicBlog.Core.Comments;

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

    /// <summary>The database was held by another writer (a long import) past the busy timeout; nothing stored.</summary>
    Busy,
}
