namespace ClinicBlog.Core.Reviews;

/// <summary>A clinical detail that is new, gone, or (for a reference) reworded.</summary>
/// <param name="Kind">What it is: a dose or duration, a link, a reference.</param>
/// <param name="Before">What the signed-off text said; null when it is new.</param>
/// <param name="After">What the text under review says; null when it is gone.</param>
public sealed record ClinicalChange(string Kind, string? Before, string? After);
