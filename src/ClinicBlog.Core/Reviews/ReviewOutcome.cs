namespace ClinicBlog.Core.Reviews;

public enum ReviewOutcome
{
    Done,
    NotFound,
    Forbidden,

    /// <summary>The text changed after the page was rendered: nothing was signed off or published.</summary>
    Stale,

    /// <summary>Not allowed as things stand (own words, no credentials, not signed off yet); the message says why.</summary>
    Refused,
}
