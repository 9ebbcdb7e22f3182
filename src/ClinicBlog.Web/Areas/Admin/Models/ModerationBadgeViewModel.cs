
namespace ClinicBlog.Web.Areas.Admin.Models;

/// <summary>How many comments wait for this moderator, and how many of them are urgent.</summary>
public sealed record ModerationBadgeViewModel(int Pending, int Urgent);
