using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ClinicBlog.Core.Notifications;

/// <summary>Sends through the configured SMTP server with MailKit.</summary>
public sealed class SmtpMailTransport(IOptions<SmtpOptions> options, IOptions<BlogOptions> blog) : IMailTransport
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var smtp = options.Value;
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(blog.Value.Title, smtp.From ?? throw new InvalidOperationException("Blog:Smtp:From is not set.")));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        // A stable id per outbox row lets mail systems drop a duplicate if a crash made us send twice.
        message.MessageId = mail.MessageId;
        message.Body = new TextPart("plain") { Text = mail.Body };

        using var client = new SmtpClient { Timeout = 30_000 };
        await client.ConnectAsync(smtp.Host ?? throw new InvalidOperationException("Blog:Smtp:Host is not set."), smtp.Port, smtp.Security switch
        {
            SmtpSecurity.None => SecureSocketOptions.None,
            SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.Auto,
        }, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.User))
        {
            await client.AuthenticateAsync(smtp.User, smtp.Password ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
