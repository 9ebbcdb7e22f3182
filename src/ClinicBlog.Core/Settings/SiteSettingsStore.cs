using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace ClinicBlog.Core.Settings;

/// <summary>The settings saved from the admin, in memory (loaded at start, replaced on every save), and
/// the signal that makes <see cref="BlogOptions"/> and <see cref="Comments.CommentOptions"/> pick them up at once.</summary>
public sealed class SiteSettingsStore : IOptionsChangeTokenSource<BlogOptions>, IOptionsChangeTokenSource<Comments.CommentOptions>, IDisposable
{
    private volatile IReadOnlyDictionary<string, string> _values = new Dictionary<string, string>();
    private CancellationTokenSource _changed = new();

    public IReadOnlyDictionary<string, string> Values => _values;

    string? IOptionsChangeTokenSource<BlogOptions>.Name => Options.DefaultName;

    string? IOptionsChangeTokenSource<Comments.CommentOptions>.Name => Options.DefaultName;

    public IChangeToken GetChangeToken() => new CancellationChangeToken(_changed.Token);

    public void Dispose() => _changed.Dispose();

    /// <summary>Replaces the saved settings and tells the options to read them again.</summary>
    public void Replace(IReadOnlyDictionary<string, string> values)
    {
        _values = values;
        var previous = Interlocked.Exchange(ref _changed, new CancellationTokenSource());
        previous.Cancel();
        previous.Dispose();
    }
}
