namespace ClinicBlog.Core.Comments;

public enum EraseMode
{
    /// <summary>Keep the comments, with the name "Anonymous" and no email or IP hash.</summary>
    Anonymise,

    /// <summary>Delete the comments (and the replies under them).</summary>
    Delete,
}
