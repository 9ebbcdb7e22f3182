using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;
using netDumbster.smtp;

namespace ClinicBlog.Web.Tests;

/// <summary>A message as the SMTP server received it.</summary>
public sealed record CaughtMail(string To, string Subject, string Body, string? MessageId);

/// <summary>An in-process SMTP server on a loopback port that can be stopped and started again on the
/// same port, to play an SMTP server that goes down.</summary>
public sealed class MailCatcher : IDisposable
{
    private readonly List<CaughtMail> _earlier = [];
    private SimpleSmtpServer? _server;

    public MailCatcher()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Start();
    }

    public int Port { get; }

    public void Start() => _server ??= SimpleSmtpServer.Start(Port);

    public void Stop()
    {
        if (_server is null)
        {
            return;
        }

        _earlier.AddRange(Read(_server));
        _server.Stop();
        _server.Dispose();
        _server = null;
    }

    /// <summary>Every message received so far, across restarts.</summary>
    public IReadOnlyList<CaughtMail> Messages => [.. _earlier, .. _server is null ? [] : Read(_server)];

    public IReadOnlyList<CaughtMail> To(string address) =>
        Messages.Where(m => string.Equals(m.To, address, StringComparison.OrdinalIgnoreCase)).ToList();

    private static IEnumerable<CaughtMail> Read(SimpleSmtpServer server) => server.ReceivedEmail.Select(raw =>
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(raw.Data));
        var message = MimeMessage.Load(stream);
        return new CaughtMail(message.To.Mailboxes.Single().Address, message.Subject ?? string.Empty, message.TextBody ?? string.Empty, message.MessageId);
    });

    public void Dispose() => Stop();
}
