namespace ClinicBlog.Core.Security;

/// <summary>A random value every instance of the blog must share, kept in the database when the blog
/// runs on PostgreSQL (on SQLite it is a file in the data directory): the IP-hash salt.</summary>
public class ServerSecret
{
    public const string IpHashSalt = "ip-hash-salt";

    public required string Name { get; set; }

    /// <summary>The value, base64.</summary>
    public required string Value { get; set; }
}
