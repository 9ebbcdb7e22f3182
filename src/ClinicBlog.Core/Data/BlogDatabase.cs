
namespace ClinicBlog.Core.Data;

/// <summary>The connection string of the blog's database (for backups).</summary>
/// <param name="ConnectionString">The SQLite connection string.</param>
public sealed record BlogDatabase(string ConnectionString);
