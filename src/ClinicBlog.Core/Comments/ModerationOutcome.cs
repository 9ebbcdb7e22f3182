namespace ClinicBlog.Core.Comments;

public enum ModerationOutcome
{
    Done,

    /// <summary>At least one comment is outside what this moderator may touch; nothing was changed.</summary>
    Forbidden,

    /// <summary>At least one comment does not exist (any more); nothing was changed.</summary>
    NotFound,

    /// <summary>What was asked is not possible as given (such as a ban of absurd length); nothing was changed.</summary>
    Invalid,
}
