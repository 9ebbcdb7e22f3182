using System.Net;
using System.Net.Sockets;

namespace ClinicBlog.Core.Security;

/// <summary>Who a client is, for rate limits, bans and sign-in throttling.</summary>
public static class ClientAddress
{
    /// <summary>An IPv4 address as it is; an IPv6 address by its /64 network, because one subscriber
    /// gets a whole /64 and can rotate through it freely (counting single addresses would make every
    /// request a new client). Null when the address is unknown.</summary>
    public static string? Key(IPAddress? address)
    {
        if (address is null)
        {
            return null;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
