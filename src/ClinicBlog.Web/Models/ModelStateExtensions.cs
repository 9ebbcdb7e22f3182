using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ClinicBlog.Web.Models;

/// <summary>Puts the core's validation messages (field name → message) next to the form's fields.</summary>
public static class ModelStateExtensions
{
    /// <param name="modelState">The controller's model state.</param>
    /// <param name="errors">Messages by field; the key "" is for the whole form.</param>
    /// <param name="field">Maps a core field name to the form's, when they differ.</param>
    public static void AddErrors(this ModelStateDictionary modelState, IReadOnlyDictionary<string, string> errors, Func<string, string>? field = null)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var (key, message) in errors)
        {
            modelState.AddModelError(field?.Invoke(key) ?? key, message);
        }
    }
}
