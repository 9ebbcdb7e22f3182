using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace ClinicBlog.Core.Comments;

/// <summary>Turns a client IP address into a salted HMAC: enough to match a banned sender or
/// count requests, not enough to recover the address. The salt never leaves the server.</summary>
public sealed class CommenterIpHasher(byte[] salt)
{
    /// <summary>The hash of the client's <see cref="Security.ClientAddress.Key"/>: an IPv6 client is
    /// known by its /64, so moving to another address of the same network does not escape a ban.</summary>
    public string? Hash(IPAddress? address) =>
        Security.ClientAddress.Key(address) is { } key
            ? Convert.ToHexStringLower(HMACSHA256.HashData(salt, Encoding.ASCII.GetBytes(key)))
            : null;

    /// <summary>Reads the salt from <paramref name="configured"/>, or from a file in the data directory,
    /// creating a random one there on first use.</summary>
    public static byte[] LoadOrCreateSalt(string? configured, string saltFile)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Encoding.UTF8.GetBytes(configured);
        }

        if (File.Exists(saltFile))
        {
            Data.OwnerOnlyFiles.Tighten(saltFile);
            return Convert.FromBase64String(File.ReadAllText(saltFile).Trim());
        }

        var salt = RandomNumberGenerator.GetBytes(32);
        Data.OwnerOnlyFiles.WriteAllText(saltFile, Convert.ToBase64String(salt));
        return salt;
    }
}
