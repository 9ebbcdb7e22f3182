using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace ClinicBlog.Core.Data;

/// <summary>A compiled query kept per database provider: EF compiles a query once, for the model of the
/// first context that runs it, so one process using both SQLite and PostgreSQL (the test run; copying a
/// blog from one to the other) needs one per provider. A lookup by provider name per call.</summary>
/// <param name="compile">Compiles the query (<c>EF.CompileAsyncQuery(…)</c>); called once per provider.</param>
public sealed class CompiledPerProvider<TQuery>(Func<TQuery> compile) where TQuery : class
{
    private readonly ConcurrentDictionary<string, TQuery> _byProvider = new(StringComparer.Ordinal);

    public TQuery For(BlogDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return _byProvider.GetOrAdd(db.Database.ProviderName ?? string.Empty, _ => compile());
    }
}
