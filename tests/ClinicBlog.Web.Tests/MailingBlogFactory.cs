using ClinicBlog.Core.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ClinicBlog.Web.Tests;

/// <summary>A blog whose staff notifications go to an in-process SMTP server, with a clock the test
/// moves and the background sender's rounds run by the test itself.</summary>
public class MailingBlogFactory : BlogFactory
{
    private MailCatcher? _mail;

    public MailCatcher Mail { get => _mail ??= new(); init => _mail = value; }

    public override FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>Settings on top of the mail settings.</summary>
    protected virtual IReadOnlyDictionary<string, string> MoreSettings => new Dictionary<string, string>();

    protected sealed override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>(MoreSettings)
    {
        ["Blog:BaseUrl"] = "https://blog.clinic.test",
        ["Blog:Smtp:Host"] = "127.0.0.1",
        ["Blog:Smtp:Port"] = Mail.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Blog:Smtp:Security"] = "None",
        ["Blog:Smtp:From"] = "blog@clinic.test",
        // The tests run the sender's rounds themselves.
        ["Blog:Notifications:PollSeconds"] = "3600",
    };

    /// <summary>One round of the background sender, as it runs every few seconds.</summary>
    public Task<int> RunSenderAsync() => Services.GetRequiredService<NotificationDispatcher>().RunOnceAsync(CancellationToken.None);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Mail.Dispose();
        GC.SuppressFinalize(this);
    }
}
