using ClinicBlog.Core.Redirects;

namespace ClinicBlog.Web.Areas.Admin.Models;

/// <summary>The redirect form: the fields as typed (so <c>asp-for</c> names them as the form posts them)
/// and the redirect being changed (none yet for a new one).</summary>
public sealed class RedirectFormViewModel : RedirectInput
{
    public RedirectFormViewModel(int? id, RedirectInput input)
    {
        CopyFrom(input);
        Id = id;
    }

    public int? Id { get; }
}
