namespace ClinicBlog.Core.Notifications;

/// <summary>The public address staff links in messages start with. It comes from configuration or
/// the server's own address, never from a request's Host header (which a sender controls).</summary>
public interface IStaffLinkBase
{
    Uri BaseUri { get; }
}
