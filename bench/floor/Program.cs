// The floor for bench/run.sh: the `dotnet new mvc` template (controllers, Razor views, a layout) with EF Core
// on SQLite (pooled contexts, as ClinicBlog's), its home page reading one count from the database, its privacy
// page none. Nothing of ClinicBlog: what the fixed stack itself costs in memory, start time and rendering a page,
// published and run as the app is. run.sh copies this file over the template's Program.cs and removes the
// template's HomeController.
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddControllersWithViews();
builder.Services.AddDbContextPool<FloorDb>(options => options.UseSqlite("Data Source=floor.db"));
var app = builder.Build();
using (var scope = app.Services.CreateScope())
{
    scope.ServiceProvider.GetRequiredService<FloorDb>().Database.EnsureCreated();
}

app.UseStaticFiles();
app.UseRouting();
app.MapControllerRoute(name: "default", pattern: "{controller=Home}/{action=Index}/{id?}");
app.Run();

public sealed class Note
{
    public int Id { get; set; }

    public string Text { get; set; } = "";
}

public sealed class FloorDb(DbContextOptions<FloorDb> options) : DbContext(options)
{
    public DbSet<Note> Notes => Set<Note>();
}

public sealed class HomeController(FloorDb db) : Controller
{
    public async Task<IActionResult> Index()
    {
        ViewData["Notes"] = await db.Notes.CountAsync();
        return View();
    }

    public IActionResult Privacy() => View();
}
