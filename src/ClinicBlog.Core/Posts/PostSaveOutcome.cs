
namespace ClinicBlog.Core.Posts;

public enum PostSaveOutcome
{
    Saved,
    Invalid,
    Forbidden,
    NotFound,
    Conflict,
}
