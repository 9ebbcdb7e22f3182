using ClinicBlog.Core.Content;

namespace ClinicBlog.Web.Areas.Admin.Models;

/// <summary>What the editor tells a writer about a text before it is published: its readability
/// against the clinic's target grade, and its images without a description.</summary>
public sealed record WritingChecks(ReadabilityReport Readability, int TargetReadingGrade, IReadOnlyList<string> ImagesWithoutDescription)
{
    /// <summary>The checks of rendered, sanitized article HTML.</summary>
    public static WritingChecks Of(string html, int targetReadingGrade) =>
        new(Core.Content.Readability.Analyze(html), targetReadingGrade, ImageDescriptions.Missing(html));
}
