namespace ClinicBlog.Core.Media;

/// <summary>Where uploads live on disk.</summary>
/// <param name="Directory">The absolute uploads folder (inside the data directory).</param>
public sealed record MediaStorage(string Directory);
