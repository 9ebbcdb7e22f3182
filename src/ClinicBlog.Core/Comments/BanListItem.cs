namespace ClinicBlog.Core.Comments;

/// <summary>A ban as the staff list shows it.</summary>
public sealed record BanListItem(int Id, string? Email, bool HasIpHash, string? Reason, DateTime CreatedAt, DateTime? ExpiresAt);
