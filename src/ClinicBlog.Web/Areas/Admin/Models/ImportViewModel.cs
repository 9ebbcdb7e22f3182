using ClinicBlog.Core.Import;

namespace ClinicBlog.Web.Areas.Admin.Models;

/// <summary>The import page: the form, and after an import its report.</summary>
public sealed record ImportViewModel(ImportReport? Report);
