namespace ClinicBlog.Core.Dashboard;

/// <summary>A live post with changes awaiting review, as the dashboard lists it.</summary>
public sealed record PendingChangesItem(int Id, string Title, bool SignedOff);
