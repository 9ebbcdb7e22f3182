
namespace ClinicBlog.Core.Posts;

/// <summary>The other version, when someone saved the post while this editor had it open.</summary>
public sealed record PostConflict(string Title, string? Summary, string Body, Guid ConcurrencyStamp, DateTime UpdatedAt);
