namespace ClinicBlog.Core.Posts;

/// <summary>An autosave kept: when, and who else has the post open now (by their autosaves).</summary>
public sealed record AutosaveReceipt(DateTime SavedAt, IReadOnlyList<string> OthersEditing);
