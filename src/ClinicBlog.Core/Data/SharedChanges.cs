namespace ClinicBlog.Core.Data;

/// <summary>What an instance keeps in memory and must read again when another instance changes it.</summary>
public enum SharedChange
{
    Redirects,
    SiteLinks,
    Settings,

    /// <summary>Not a change: the outbox has an urgent message, wake whichever instance sends.</summary>
    Notifications,
}

/// <summary>Tells the other instances of the blog (if any) that something they hold in memory changed.
/// The instance making the change has already updated its own copy.</summary>
public interface ISharedChanges
{
    void Announce(SharedChange change);
}

/// <summary>One instance: nobody else to tell.</summary>
public sealed class NoSharedChanges : ISharedChanges
{
    public void Announce(SharedChange change)
    {
    }
}
