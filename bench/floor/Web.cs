// The floor for bench/run.sh's cached target: the `dotnet new web` template (an empty ASP.NET Core app) with one
// middleware that sends a page's bytes from memory, as they are or gzipped (the files nginx serves, named by
// FLOOR_PAGE), before routing. Nothing of ClinicBlog: what Kestrel and the hosting layer cost to answer a request
// whose answer is ready, published and run as the app is. run.sh copies this file over the template's Program.cs;
// without FLOOR_PAGE the app is the template as generated (its start and memory are measured that way).
var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

var page = Environment.GetEnvironmentVariable("FLOOR_PAGE");
if (page is not null)
{
    var identity = File.ReadAllBytes(page);
    var gzipped = File.ReadAllBytes(page + ".gz");
    app.Use((context, next) =>
    {
        if (context.Request.Path != "/page")
        {
            return next(context);
        }

        var gzip = context.Request.Headers.AcceptEncoding.ToString().Contains("gzip", StringComparison.Ordinal);
        var body = gzip ? gzipped : identity;
        context.Response.ContentType = "text/html; charset=utf-8";
        if (gzip)
        {
            context.Response.Headers.ContentEncoding = "gzip";
        }

        context.Response.ContentLength = body.Length;
        return context.Response.Body.WriteAsync(body).AsTask();
    });
}

app.MapGet("/", () => "Hello World!");

app.Run();
