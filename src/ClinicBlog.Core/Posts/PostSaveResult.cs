
namespace ClinicBlog.Core.Posts;

/// <summary>The outcome of a save, with messages per field (key "" for the whole form).</summary>
public sealed record PostSaveResult(PostSaveOutcome Outcome, IReadOnlyDictionary<string, string> Errors, int? PostId = null, PostConflict? Conflict = null)
{
    public static PostSaveResult Of(PostSaveOutcome outcome) => new(outcome, new Dictionary<string, string>());
}
