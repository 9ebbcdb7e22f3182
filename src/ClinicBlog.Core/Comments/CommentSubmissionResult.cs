namespace ClinicBlog.Core.Comments;

/// <summary>The outcome, with a message per field (the key "" is for the whole form).</summary>
public sealed record CommentSubmissionResult(CommentSubmissionOutcome Outcome, IReadOnlyDictionary<string, string> Errors, int? CommentId = null)
{
    public static CommentSubmissionResult Fail(CommentSubmissionOutcome outcome, string field, string message) =>
        new(outcome, new Dictionary<string, string> { [field] = message });
}
