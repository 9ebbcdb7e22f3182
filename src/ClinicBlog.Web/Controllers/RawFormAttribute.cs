using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ClinicBlog.Web.Controllers;

/// <summary>Keeps MVC from reading the form body itself, so the action can read it (see
/// <see cref="Models.CommentFormReader"/>): MVC's reader gives up on a whole form over one odd character.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RawFormAttribute : Attribute, IResourceFilter
{
    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.ValueProviderFactories.RemoveType<FormValueProviderFactory>();
        context.ValueProviderFactories.RemoveType<FormFileValueProviderFactory>();
        context.ValueProviderFactories.RemoveType<JQueryFormValueProviderFactory>();
    }

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }
}
