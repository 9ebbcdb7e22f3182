namespace ClinicBlog.Core.Reviews;

public sealed record ReviewResult(ReviewOutcome Outcome, string? Message = null);
