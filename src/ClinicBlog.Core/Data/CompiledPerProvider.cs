using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace ClinicBlog.Core.Data;

/// <summary>A compiled query kept per database provider: EF compiles a query once, for the model of the
/// first context that runs it, so one process using both SQLite and PostgreSQL (the test run; copying a
/// blog from one to the other) needs one per provider. Looked up by the context's model (one per provider,
/// reused by every context), a reference comparison: the provider's name is read by reflection each time.</summary>
/// <param name="compile">Compiles the query (<c>EF.CompileAsyncQuery(…)</c>); called once per provider.</param>
public sealed class CompiledPerProvider<TQuery>(Func<TQuery> compile) where TQuery : class
{
    private readonly ConcurrentDictionary<Microsoft.EntityFrameworkCore.Metadata.IModel, TQuery> _byModel = new(ReferenceEqualityComparer.Instance);

    public TQuery For(BlogDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return _byModel.GetOrAdd(db.Model, _ => compile());
    }
}
