using ClinicBlog.Core.Authors;
using ClinicBlog.Core.Posts;

namespace ClinicBlog.Web.Areas.Admin.Models;

/// <summary>The staff account form: the fields as typed (so <c>asp-for</c> names them as the form posts
/// them), the account being edited (none yet for a new one) and the author profiles it may write as.</summary>
public sealed class StaffFormViewModel : StaffInput
{
    public StaffFormViewModel(string? id, StaffInput input, IReadOnlyList<AuthorChoice> authors)
    {
        CopyFrom(input);
        Id = id;
        Authors = authors;
    }

    public string? Id { get; }

    public IReadOnlyList<AuthorChoice> Authors { get; }
}
