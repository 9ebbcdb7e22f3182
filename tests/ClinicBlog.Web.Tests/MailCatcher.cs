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
/// <remarks>Messages are collected from the server's <c>MessageReceived</c> event, which it raises before it
/// answers the client's DATA with 250, into a list of our own. Its <c>ReceivedEmail</c> is not safe to read
/// while a message arrives: it sizes an array from the store's count, then fills it, and a message that lands
/// in between throws <see cref="IndexOutOfRangeException"/> (seen in CI with two instances sending).</remarks>
public sealed class MailCatcher : IDisposable
{
    private readonly List<CaughtMail> _received = [];
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

    public void Start()
    {
        if (_server is not null)
        {
            return;
        }

        _server = SimpleSmtpServer.Start(Port);
        _server.MessageReceived += (_, args) => Receive(args.Message);
    }

    public void Stop()
    {
        if (_server is null)
        {
            return;
        }

        _server.Stop();
        _server.Dispose();
        _server = null;
    }

    /// <summary>Every message received so far, across restarts.</summary>
    public IReadOnlyList<CaughtMail> Messages
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    public IReadOnlyList<CaughtMail> To(string address) =>
        Messages.Where(m => string.Equals(m.To, address, StringComparison.OrdinalIgnoreCase)).ToList();

    private void Receive(SmtpMessage raw)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(raw.Data));
        var message = MimeMessage.Load(stream);
        var caught = new CaughtMail(message.To.Mailboxes.Single().Address, message.Subject ?? string.Empty, message.TextBody ?? string.Empty, message.MessageId);
        lock (_received)
        {
            _received.Add(caught);
        }
    }

    public void Dispose() => Stop();
}
