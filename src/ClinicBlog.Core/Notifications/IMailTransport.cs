namespace ClinicBlog.Core.Notifications;

/// <summary>Hands messages to a mail server.</summary>
public interface IMailTransport
{
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken);
}
