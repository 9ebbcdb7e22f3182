namespace ClinicBlog.Core.Notifications;

/// <summary>One message on its way out.</summary>
public sealed record OutgoingMail(string To, string Subject, string Body, string MessageId);
