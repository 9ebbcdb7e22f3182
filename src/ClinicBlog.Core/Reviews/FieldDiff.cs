namespace ClinicBlog.Core.Reviews;

/// <summary>One field's words, old and new together, in reading order.</summary>
public sealed record FieldDiff(IReadOnlyList<DiffPart> Parts)
{
    public bool Changed => Parts.Any(p => p.Kind != DiffKind.Same);
}
