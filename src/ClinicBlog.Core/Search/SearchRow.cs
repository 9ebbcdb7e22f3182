namespace ClinicBlog.Core.Search;

/// <summary>A hit as the database returns it: the snippet still carries its match markers
/// (<see cref="MarkStart"/>, <see cref="MarkEnd"/>), unencoded.</summary>
public sealed record SearchRow(int Id, string Title, string Slug, string? Summary, DateTime PublishedAt, string? Snippet)
{
    /// <summary>Where a matched term starts in <see cref="Snippet"/>: a control character no article text holds.</summary>
    public const char MarkStart = '\u0001';

    /// <summary>Where a matched term ends in <see cref="Snippet"/>.</summary>
    public const char MarkEnd = '\u0002';
}
