using Microsoft.AspNetCore.Mvc.Routing;

namespace ClinicBlog.Web.Controllers;

/// <summary>Like <c>[HttpGet]</c>, but also answers HEAD, which link checkers, feed readers and
/// uptime monitors use. (MVC's <c>[HttpGet]</c> alone answers HEAD with a 404.)</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class HttpGetOrHeadAttribute(string template) : HttpMethodAttribute(["GET", "HEAD"], template);
