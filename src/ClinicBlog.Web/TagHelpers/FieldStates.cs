using Microsoft.AspNetCore.Mvc.Rendering;

namespace ClinicBlog.Web.TagHelpers;

/// <summary>Reads a field's first error from ModelState.</summary>
internal static class FieldStates
{
    public static string? ErrorFor(ViewContext view, string field) =>
        view.ViewData.ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
}
