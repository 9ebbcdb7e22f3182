namespace ClinicBlog.Migrations.PostgreSql;

/// <summary>Names this assembly for <c>MigrationsAssembly</c> when the blog runs on PostgreSQL: the same
/// model as the SQLite migrations beside it, generated for PostgreSQL.</summary>
public static class PostgreSqlMigrationsAssembly
{
    public static string Name => typeof(PostgreSqlMigrationsAssembly).Assembly.GetName().Name!;
}
