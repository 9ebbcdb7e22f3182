namespace ClinicBlog.Core.Import;

/// <summary>What an import did, item by item where it matters: counts, and notes with the line of the
/// export file they concern. A failed import changed nothing; <see cref="Failure"/> says what and where.</summary>
public sealed class ImportReport
{
    /// <summary>Notes kept in full; more are counted (a huge file must not make a huge report).</summary>
    public const int MaxNotes = 300;

    /// <summary>Old image addresses listed in full; more are counted.</summary>
    public const int MaxImagesLeft = 200;

    private readonly List<ImportNote> _notes = [];
    private readonly SortedSet<string> _imagesLeft = new(StringComparer.Ordinal);

    /// <summary>Null when the import was committed; otherwise why it stopped (with the line), and nothing was changed.</summary>
    public string? Failure { get; set; }

    public bool Succeeded => Failure is null;

    /// <summary>The old site, as the export names it.</summary>
    public string? Site { get; set; }

    public int AuthorsAdded { get; set; }

    public int AuthorsMatched { get; set; }

    public int TagsAdded { get; set; }

    public int PostsImported { get; set; }

    public int PostsMerged { get; set; }

    public int PostsAlreadyHere { get; set; }

    public int PagesImported { get; set; }

    public int PagesAlreadyHere { get; set; }

    public int CommentsImported { get; set; }

    public int CommentsAlreadyHere { get; set; }

    public int CommentsSkipped { get; set; }

    public int ItemsSkipped { get; set; }

    public int ImagesImported { get; set; }

    public int RedirectsAdded { get; set; }

    public TimeSpan Duration { get; set; }

    public IReadOnlyList<ImportNote> Notes => _notes;

    public int NotesLeftOut { get; set; }

    public IReadOnlyCollection<string> ImagesLeft => _imagesLeft;

    public int ImagesLeftOut { get; set; }

    public void Note(int line, string text)
    {
        if (_notes.Count < MaxNotes)
        {
            _notes.Add(new ImportNote(line, text));
        }
        else
        {
            NotesLeftOut++;
        }
    }

    public void ImageLeft(string url)
    {
        if (_imagesLeft.Contains(url))
        {
            return;
        }

        if (_imagesLeft.Count < MaxImagesLeft)
        {
            _imagesLeft.Add(url);
        }
        else
        {
            ImagesLeftOut++;
        }
    }

    /// <summary>One line of totals, for the CLI, the log and the audit entry.</summary>
    public string Summary() =>
        $"{PostsImported} posts imported, {PostsMerged} merged, {PostsAlreadyHere} already here; {PagesImported} pages imported, {PagesAlreadyHere} already here; "
        + $"{CommentsImported} comments imported, {CommentsAlreadyHere} already here, {CommentsSkipped} skipped; {AuthorsAdded} authors added, {AuthorsMatched} matched; "
        + $"{TagsAdded} tags added; {ImagesImported} images imported; {RedirectsAdded} old addresses redirected; {ItemsSkipped} items skipped";
}

/// <summary>Something an import did on purpose or could not do, at a line of the export file.</summary>
public sealed record ImportNote(int Line, string Text);

/// <summary>How far an import has got: items read of <paramref name="Total"/>, the line reached, comments imported.</summary>
public sealed record ImportProgress(int Items, int Total, int Line, int Comments);
