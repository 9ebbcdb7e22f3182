namespace ClinicBlog.Core.Reviews;

/// <summary>How a piece of text fared between two versions.</summary>
public enum DiffKind
{
    Same,
    Added,
    Removed,
}
