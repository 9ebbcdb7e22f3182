namespace ClinicBlog.Core.Reviews;

/// <summary>A run of words that stayed, were added or were removed.</summary>
public sealed record DiffPart(DiffKind Kind, string Text);
