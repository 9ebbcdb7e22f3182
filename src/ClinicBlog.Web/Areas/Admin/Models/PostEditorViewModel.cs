using ClinicBlog.Core.Media;
using ClinicBlog.Core.Posts;
using ClinicBlog.Core.Security;
using ClinicBlog.Web.Models;

namespace ClinicBlog.Web.Areas.Admin.Models;

/// <summary>Everything the post editor page shows.</summary>
public sealed record PostEditorViewModel(
    int? Id,
    PostInput Input,
    StaffMember Editor,
    IReadOnlyList<AuthorChoice> Authors,
    IReadOnlyList<RevisionItem> Revisions,
    IReadOnlyList<MediaListItem> Media)
{
    public PostForEditing? Saved { get; init; }

    /// <summary>The post rendered as readers would see it, when Preview was pressed.</summary>
    public PostPageViewModel? Preview { get; init; }

    /// <summary>The other version, when someone else saved first.</summary>
    public PostConflict? Conflict { get; init; }

    public string? Message { get; init; }

    /// <summary>Clinicians whose sign-off an editor records: with credentials and without a staff account
    /// (those with one sign off themselves, on the review page).</summary>
    public IEnumerable<AuthorChoice> Reviewers => Authors.Where(a => !string.IsNullOrWhiteSpace(a.Credentials) && !a.HasLogin);
}
