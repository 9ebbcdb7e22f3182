
namespace ClinicBlog.Web.Areas.Admin.Models;

public sealed record DataRequestViewModel(DataRequestForm Form, int? Found);
