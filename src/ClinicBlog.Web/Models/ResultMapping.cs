using ClinicBlog.Core;
using Microsoft.AspNetCore.Mvc;

namespace ClinicBlog.Web.Models;

/// <summary>The one place a refused <see cref="Result"/> becomes an answer: not found → the friendly 404,
/// forbidden → 403, invalid → 400 and conflict → 409 with the messages next to their fields (the caller
/// then shows its form again, with what was typed).</summary>
public static class ResultMapping
{
    /// <summary>For an action without a form to show again: <paramref name="onSuccess"/> when it worked,
    /// else the refusal's status page.</summary>
    public static IActionResult Answer(this Controller controller, Result result, Func<IActionResult> onSuccess)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(onSuccess);
        return result.Succeeded ? onSuccess() : controller.Refusal(result) ?? controller.StatusCode(controller.Response.StatusCode);
    }

    /// <summary>For a refusal that has no form to show again: the status page, or null when the
    /// result is invalid or a conflict (the messages are then in ModelState and the status is set).</summary>
    public static IActionResult? Refusal(this Controller controller, Result result)
    {
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(result);
        switch (result.Kind)
        {
            case ResultKind.NotFound:
                return controller.NotFound();
            case ResultKind.Forbidden:
                return controller.Forbid();
            case ResultKind.Invalid or ResultKind.Conflict:
                controller.ModelState.AddErrors(result.Errors);
                controller.Response.StatusCode = result.Kind == ResultKind.Invalid
                    ? StatusCodes.Status400BadRequest
                    : StatusCodes.Status409Conflict;
                return null;
            default:
                throw new InvalidOperationException("A successful result is no refusal.");
        }
    }
}
