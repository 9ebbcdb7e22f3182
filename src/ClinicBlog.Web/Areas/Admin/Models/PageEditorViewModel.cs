using ClinicBlog.Core.Pages;

namespace ClinicBlog.Web.Areas.Admin.Models;

/// <summary>The page editor: the fields as typed (so <c>asp-for</c> names them as the form posts them),
/// the saved page (none yet for a new one), the reviewers to choose from, and the preview when asked for.</summary>
public sealed class PageEditorViewModel : PageInput
{
    public PageEditorViewModel(int? id, PageInput input, IReadOnlyList<ReviewerChoice> reviewers)
    {
        CopyFrom(input);
        Id = id;
        Reviewers = reviewers;
    }

    public int? Id { get; }

    public IReadOnlyList<ReviewerChoice> Reviewers { get; }

    public PageForEditing? Saved { get; set; }

    /// <summary>The body as readers will see it, with its checks, when Preview was pressed.</summary>
    public LivePreviewViewModel? Preview { get; set; }

    public string? Message { get; set; }
}
