using ClinicBlog.Core.Authors;
using ClinicBlog.Core.Media;

namespace ClinicBlog.Web.Areas.Admin.Models;

/// <summary>The author profile form: the profile being edited (none yet for a new one) and the photos to choose from.</summary>
public sealed record AuthorFormViewModel(int? Id, AuthorInput Input, IReadOnlyList<MediaListItem> Media);
