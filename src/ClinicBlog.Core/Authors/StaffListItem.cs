namespace ClinicBlog.Core.Authors;

/// <summary>A staff account as the Admin's list shows it.</summary>
public sealed record StaffListItem(string Id, string Email, string Role, string? AuthorName, bool LockedOut, bool TwoFactor);
