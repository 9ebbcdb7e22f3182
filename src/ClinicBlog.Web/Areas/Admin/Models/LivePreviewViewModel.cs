namespace ClinicBlog.Web.Areas.Admin.Models;

/// <summary>The live preview beside the editor: the article body as readers will see it, and its checks.</summary>
public sealed record LivePreviewViewModel(string BodyHtml, WritingChecks Checks);
