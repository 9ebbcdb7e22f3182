namespace ClinicBlog.Core.Comments;

/// <summary>One page of the visible comments of a post, and how many there are in all (replies included).</summary>
public sealed record CommentThread(IReadOnlyList<PublicComment> Comments, int Count, int Page = 1, int TotalPages = 1)
{
    public bool HasPrevious => Page > 1;

    public bool HasNext => Page < TotalPages;
}
