using Microsoft.AspNetCore.Mvc;

namespace ClinicBlog.Web.Controllers;

/// <summary>Renders the friendly pages that the status-code and exception middleware re-execute to.</summary>
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorsController : Controller
{
    [Route("/error/{code:int}")]
    [IgnoreAntiforgeryToken]
    public IActionResult Show()
    {
        // Read from the route by hand: with an action parameter, MVC would first try to read the
        // original request's form, and a form it cannot read (a null byte, say) would lose the code.
        _ = int.TryParse(RouteData.Values["code"]?.ToString(), System.Globalization.CultureInfo.InvariantCulture, out var code);
        // After an exception the handler has chosen the status (413, 400 or 500); after a status code
        // the URL carries it; a direct visit gets the one in the URL.
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is null)
        {
            Response.StatusCode = code is >= 400 and <= 599 ? code : StatusCodes.Status404NotFound;
        }

        return Response.StatusCode == StatusCodes.Status404NotFound
            ? View("NotFound")
            : View("Error", Response.StatusCode);
    }
}
