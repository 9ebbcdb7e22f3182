namespace ClinicBlog.Web.Areas.Admin.Models;

/// <summary>The import page: the form, and once an import was started its progress or report.</summary>
public sealed record ImportViewModel(ImportJob? Job)
{
    public bool Running => Job is { Report: null };
}
