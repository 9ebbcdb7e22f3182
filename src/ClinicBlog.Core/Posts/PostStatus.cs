namespace ClinicBlog.Core.Posts;

/// <summary>Where a post is in its life. Only <see cref="Published"/> posts (and
/// <see cref="Scheduled"/> ones whose time has come) are visible to readers.</summary>
public enum PostStatus
{
    Draft = 0,
    Scheduled = 1,
    Published = 2,
    Archived = 3,
}
