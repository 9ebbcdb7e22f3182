namespace ClinicBlog.Web.Areas.Admin.Models;

/// <summary>The commenter data page: the address as typed, how many comments it found, and the erase
/// choice (fields named by <c>asp-for</c> as the forms post them).</summary>
public sealed class DataRequestViewModel : DataRequestForm
{
    public DataRequestViewModel(DataRequestForm form, int? found, string? mode = null)
    {
        ArgumentNullException.ThrowIfNull(form);
        Email = form.Email;
        Found = found;
        Mode = mode;
    }

    public int? Found { get; }

    /// <summary>The erase choice as posted ("Anonymise" or "Delete").</summary>
    public string? Mode { get; }
}
