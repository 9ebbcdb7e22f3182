namespace ClinicBlog.Core.Comments;

/// <summary>The outcome, with a message per field (the key "" is for the whole form).</summary>
public sealed record CommentSubmissionResult(CommentSubmissionOutcome Outcome, IReadOnlyDictionary<string, string> Errors, int? CommentId = null)
{
    public static CommentSubmissionResult Fail(CommentSubmissionOutcome outcome, string field, string message) =>
        new(outcome, new Dictionary<string, string> { [field] = message });

    /// <summary>Nothing stored because the blog was busy: the form says so and keeps the text.</summary>
    public static CommentSubmissionResult Busy() =>
        Fail(CommentSubmissionOutcome.Busy, string.Empty, "Your comment could not be saved just now: the blog is busy for a moment (staff may be importing content). It is still here below; please send it again in a minute.");
}
