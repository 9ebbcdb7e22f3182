using ClinicBlog.Core.Pages;

namespace ClinicBlog.Web.Models;

public sealed record PublicPageViewModel(PublicPage Page, string JsonLd);
