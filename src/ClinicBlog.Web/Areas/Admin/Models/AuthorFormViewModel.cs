using ClinicBlog.Core.Authors;
using ClinicBlog.Core.Media;

namespace ClinicBlog.Web.Areas.Admin.Models;

/// <summary>The author profile form: the fields as typed (so <c>asp-for</c> names them as the form posts
/// them), the profile being edited (none yet for a new one) and the photos to choose from.</summary>
public sealed class AuthorFormViewModel : AuthorInput
{
    public AuthorFormViewModel(int? id, AuthorInput input, IReadOnlyList<MediaListItem> media)
    {
        CopyFrom(input);
        Id = id;
        Media = media;
    }

    public int? Id { get; }

    public IReadOnlyList<MediaListItem> Media { get; }
}
