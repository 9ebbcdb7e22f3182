namespace ClinicBlog.Web.Models;

public sealed record PolicyViewModel(string Title, string Html);
