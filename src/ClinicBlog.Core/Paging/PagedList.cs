
namespace ClinicBlog.Core.Paging;

/// <summary>One page of a list, with what is needed to link to its neighbours.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount)
{
    public int TotalPages => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);

    public bool HasPrevious => Page > 1;

    public bool HasNext => Page < TotalPages;

    /// <summary>True when the page asked for lies past the end (page 1 of an empty list exists).</summary>
    public bool IsOutOfRange => Page > TotalPages;
}
