using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

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

    /// <summary>A salted HMAC of any text (a client and an email, as a key kept in a shared store),
    /// so the store never holds who tried what.</summary>
    public string Keyed(string text) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(salt, Encoding.UTF8.GetBytes(text)))[..40];

    /// <summary>Reads the salt from <paramref name="configured"/>, or from the database's
    /// <see cref="Security.ServerSecret"/> (PostgreSQL: every instance shares it), creating a random one on
    /// first use; when two instances create one at once, the one saved first wins.</summary>
    public static byte[] LoadOrCreateSalt(string? configured, Data.BlogDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Encoding.UTF8.GetBytes(configured);
        }

        for (var attempt = 0; ; attempt++)
        {
            var stored = db.ServerSecrets.AsNoTracking().Where(s => s.Name == Security.ServerSecret.IpHashSalt).Select(s => s.Value).FirstOrDefault();
            if (stored is not null)
            {
                return Convert.FromBase64String(stored);
            }

            try
            {
                db.ServerSecrets.Add(new Security.ServerSecret { Name = Security.ServerSecret.IpHashSalt, Value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) });
                db.SaveChanges();
            }
            catch (Microsoft.EntityFrameworkCore.DbUpdateException) when (attempt == 0)
            {
                db.ChangeTracker.Clear(); // another instance saved its salt first: read that one
            }
        }
    }

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
