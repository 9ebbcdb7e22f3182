using Microsoft.AspNetCore.Mvc;

namespace ClinicBlog.Web.Controllers;

/// <summary>Renders the friendly pages that the status-code and exception middleware re-execute to.</summary>
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorsController : Controller
{
    [Route("/error/{code:int}")]
    [IgnoreAntiforgeryToken]
    public IActionResult Show(int code)
    {
        // Re-executed requests keep the original status; direct visits get the one in the URL.
        Response.StatusCode = code is >= 400 and <= 599 ? code : StatusCodes.Status404NotFound;
        return Response.StatusCode == StatusCodes.Status404NotFound
            ? View("NotFound")
            : View("Error", Response.StatusCode);
    }
}
