namespace ClinicBlog.Core.Data;

/// <summary>The database, its backups and the IP-hash salt hold commenters' data and secrets: on Unix
/// they are readable and writable by the blog's own user only (0600), never by other accounts on the
/// server. (On Windows the folder's permissions apply.)</summary>
public static class OwnerOnlyFiles
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates a folder (and its parents) that only its owner may open (0700); an existing one is left as it is.</summary>
    public static DirectoryInfo CreateDirectory(string path) =>
        OperatingSystem.IsWindows() || Directory.Exists(path)
            ? Directory.CreateDirectory(path)
            : Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

    /// <summary>Creates an empty file that only its owner may read, unless it exists (then it is tightened).</summary>
    public static void Create(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        try
        {
            using var _ = new FileStream(path, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = OwnerOnly });
        }
        catch (IOException) when (File.Exists(path))
        {
            Tighten(path);
        }
    }

    /// <summary>Takes group and other permissions away from an existing file (one written by an earlier version).</summary>
    public static void Tighten(string path)
    {
        if (!OperatingSystem.IsWindows() && File.Exists(path) && (File.GetUnixFileMode(path) & ~(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute)) != 0)
        {
            File.SetUnixFileMode(path, OwnerOnly);
        }
    }

    /// <summary>Writes a new file that only its owner may read.</summary>
    public static void WriteAllText(string path, string text)
    {
        Create(path);
        File.WriteAllText(path, text);
    }

    /// <summary>The database file and its write-ahead log and shared-memory files.</summary>
    public static void TightenDatabase(string databasePath)
    {
        Create(databasePath);
        Tighten(databasePath + "-wal");
        Tighten(databasePath + "-shm");
    }
}
