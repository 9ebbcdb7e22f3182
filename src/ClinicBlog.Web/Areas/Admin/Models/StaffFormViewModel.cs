using ClinicBlog.Core.Authors;
using ClinicBlog.Core.Posts;

namespace ClinicBlog.Web.Areas.Admin.Models;

/// <summary>The staff account form: the account being edited (none yet for a new one) and the author profiles it may write as.</summary>
public sealed record StaffFormViewModel(string? Id, StaffInput Input, IReadOnlyList<AuthorChoice> Authors);
