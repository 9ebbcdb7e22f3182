using ClinicBlog.Core.Import;

namespace ClinicBlog.Web.Areas.Admin.Models;

/// <summary>The import page: the form, and once an import was started its progress or report. The job's
/// state is read once, here: the import runs on while the page renders, and a page that read it twice could
/// find it running for the error message and finished for the rest (no progress, no report, no error).</summary>
public sealed class ImportViewModel(ImportJob? job)
{
    public ImportJob? Job { get; } = job;

    /// <summary>The report as it was when the page was made; null while the import runs.</summary>
    public ImportReport? Report { get; } = job?.Report;

    public ImportProgress? Progress { get; } = job?.Progress;

    public bool Running => Job is not null && Report is null;
}
