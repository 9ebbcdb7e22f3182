using ClinicBlog.Core.Content;
using ClinicBlog.Core.Media;
using ClinicBlog.Core.Posts;
using ClinicBlog.Core.Security;
using ClinicBlog.Web.Models;

namespace ClinicBlog.Web.Areas.Admin.Models;

/// <summary>Everything the post editor page shows: the fields as typed (so <c>asp-for</c> names them as the
/// form posts them) and what surrounds them.</summary>
public sealed class PostEditorViewModel : PostInput
{
    public PostEditorViewModel(
        int? id, PostInput input, StaffMember editor, IReadOnlyList<AuthorChoice> authors, IReadOnlyList<RevisionItem> revisions, IReadOnlyList<MediaListItem> media)
    {
        CopyFrom(input);
        Id = id;
        Editor = editor;
        Authors = authors;
        Revisions = revisions;
        Media = media;
    }

    public int? Id { get; }

    public StaffMember Editor { get; }

    public IReadOnlyList<AuthorChoice> Authors { get; }

    public IReadOnlyList<RevisionItem> Revisions { get; }

    public IReadOnlyList<MediaListItem> Media { get; }

    public PostForEditing? Saved { get; set; }

    /// <summary>The post rendered as readers would see it, when Preview was pressed.</summary>
    public PostPageViewModel? Preview { get; set; }

    /// <summary>The other version, when someone else saved first.</summary>
    public PostConflict? Conflict { get; set; }

    public string? Message { get; set; }

    /// <summary>The previewed text's readability and images without a description.</summary>
    public WritingChecks? Checks { get; set; }

    /// <summary>This member's autosave, newer than the post's last save: the page offers to restore it.</summary>
    public PostAutosave? Autosave { get; set; }

    /// <summary>Other staff with this post open now (their autosaves say so).</summary>
    public IReadOnlyList<string> OthersEditing { get; set; } = [];

    /// <summary>Clinicians whose sign-off an editor records: with credentials and without a staff account
    /// (those with one sign off themselves, on the review page).</summary>
    public IEnumerable<AuthorChoice> Reviewers => Authors.Where(a => !string.IsNullOrWhiteSpace(a.Credentials) && !a.HasLogin);
}
