
namespace ClinicBlog.Web.Areas.Admin.Models;

/// <summary>The reviewer's page, with a message after an action (success) or why nothing happened (problem).</summary>
public sealed record ReviewViewModel(Core.Reviews.ReviewPage Page, string? Message, string? Problem);
