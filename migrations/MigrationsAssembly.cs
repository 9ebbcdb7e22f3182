namespace ClinicBlog.Migrations;

/// <summary>Names this assembly for <c>MigrationsAssembly</c>: the migrations live apart from the model
/// so the core stays free of generated code.</summary>
public static class MigrationsAssembly
{
    public static string Name => typeof(MigrationsAssembly).Assembly.GetName().Name!;
}
