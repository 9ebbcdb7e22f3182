using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ClinicBlog.Core.Data;

/// <summary>Copies every table of the blog from one database to another of the same model (SQLite to
/// PostgreSQL): rows keep their ids, tables go in the order their foreign keys need, in chunks, all in one
/// transaction on the target, each table counted on both sides before it commits.</summary>
public static class DatabaseCopy
{
    private const int ChunkSize = 1_000;

    public sealed record TableCount(string Table, int Source, int Target)
    {
        public bool Matches => Source == Target;
    }

    /// <summary>True when the target has no content or accounts yet (only what migrations create).</summary>
    public static async Task<bool> IsEmptyAsync(BlogDbContext target, CancellationToken cancellationToken) =>
        !await target.Posts.AnyAsync(cancellationToken) && !await target.Users.AnyAsync(cancellationToken)
        && !await target.Comments.AnyAsync(cancellationToken) && !await target.Authors.AnyAsync(cancellationToken);

    /// <summary>Copies all rows and counts each table on both sides; then <paramref name="alsoInTransaction"/>
    /// adds what lives outside the source's tables (its key files, say). All of it commits together, and only when
    /// every table has the same count on both sides.</summary>
    public static async Task<IReadOnlyList<TableCount>> CopyAsync(
        BlogDbContext source, BlogDbContext target, IProgress<string>? progress, Func<Task>? alsoInTransaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        var tables = InDependencyOrder(target.Model);
        await using var transaction = await target.Database.BeginTransactionAsync(cancellationToken);
        foreach (var table in tables)
        {
            var copied = await (Task<int>)CopyTableMethod.MakeGenericMethod(table.ClrType).Invoke(null, [source, target, table, cancellationToken])!;
            progress?.Report($"{Name(table)}: {copied:N0} rows");
        }

        if (target.Database.IsNpgsql())
        {
            await ResetIdentitiesAsync(target, tables, cancellationToken);
        }

        var counts = new List<TableCount>();
        foreach (var table in tables)
        {
            var count = CountMethod.MakeGenericMethod(table.ClrType);
            counts.Add(new TableCount(
                Name(table),
                await (Task<int>)count.Invoke(null, [source, table, cancellationToken])!,
                await (Task<int>)count.Invoke(null, [target, table, cancellationToken])!));
        }

        // A count that differs rolls everything back: the target is either a full copy or untouched.
        if (counts.TrueForAll(c => c.Matches))
        {
            if (alsoInTransaction is not null)
            {
                await alsoInTransaction();
            }

            await transaction.CommitAsync(cancellationToken);
        }

        return counts;
    }

    private static readonly MethodInfo CopyTableMethod = typeof(DatabaseCopy).GetMethod(nameof(CopyTableAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static readonly MethodInfo CountMethod = typeof(DatabaseCopy).GetMethod(nameof(CountAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static string Name(IEntityType table) => table.GetTableName() ?? table.Name;

    private static DbSet<T> Rows<T>(DbContext db, IEntityType table) where T : class =>
        table.HasSharedClrType ? db.Set<T>(table.Name) : db.Set<T>();

    private static Task<int> CountAsync<T>(DbContext db, IEntityType table, CancellationToken cancellationToken) where T : class =>
        Rows<T>(db, table).CountAsync(cancellationToken);

    /// <summary>One table, in key order (a reply comes after the comment it answers), a chunk at a time.</summary>
    private static async Task<int> CopyTableAsync<T>(DbContext source, DbContext target, IEntityType table, CancellationToken cancellationToken) where T : class
    {
        var key = table.FindPrimaryKey()!.Properties;
        var copied = 0;
        for (var skip = 0; ; skip += ChunkSize)
        {
            var ordered = Rows<T>(source, table).AsNoTracking().OrderBy(e => EF.Property<object>(e, key[0].Name));
            foreach (var part in key.Skip(1))
            {
                ordered = ordered.ThenBy(e => EF.Property<object>(e, part.Name));
            }

            var chunk = await ordered.Skip(skip).Take(ChunkSize).ToListAsync(cancellationToken);
            if (chunk.Count == 0)
            {
                return copied;
            }

            Rows<T>(target, table).AddRange(chunk);
            await target.SaveChangesAsync(cancellationToken);
            target.ChangeTracker.Clear();
            copied += chunk.Count;
        }
    }

    /// <summary>Principal tables before the tables that point at them (self-references aside).</summary>
    private static List<IEntityType> InDependencyOrder(IModel model)
    {
        var tables = model.GetEntityTypes().Where(t => !t.IsOwned() && t.BaseType is null && t.GetTableName() is not null && t.FindPrimaryKey() is not null).ToList();
        var ordered = new List<IEntityType>();
        var placed = new HashSet<IEntityType>();
        while (ordered.Count < tables.Count)
        {
            var ready = tables.Where(t => !placed.Contains(t) && t.GetForeignKeys().All(fk => fk.PrincipalEntityType.GetRootType() == t || placed.Contains(fk.PrincipalEntityType.GetRootType()))).ToList();
            if (ready.Count == 0)
            {
                throw new InvalidOperationException("The model's foreign keys form a cycle between tables: " + string.Join(", ", tables.Except(placed).Select(Name)));
            }

            ordered.AddRange(ready.OrderBy(Name, StringComparer.Ordinal));
            placed.UnionWith(ready);
        }

        return ordered;
    }

    /// <summary>Ids were copied as they were: each identity column continues after the highest one.</summary>
    private static async Task ResetIdentitiesAsync(BlogDbContext target, IEnumerable<IEntityType> tables, CancellationToken cancellationToken)
    {
        foreach (var table in tables)
        {
            var key = table.FindPrimaryKey()!.Properties;
            if (key.Count != 1 || key[0].ClrType != typeof(int) || key[0].ValueGenerated != ValueGenerated.OnAdd)
            {
                continue;
            }

            var tableName = Name(table);
            var column = key[0].GetColumnName();
            // Names come from the model, not from input; quoted as PostgreSQL identifiers.
#pragma warning disable EF1002
            await target.Database.ExecuteSqlRawAsync(
                $"SELECT setval(pg_get_serial_sequence('\"{tableName}\"', '{column}'), COALESCE((SELECT MAX(\"{column}\") FROM \"{tableName}\"), 0) + 1, false)",
                cancellationToken);
#pragma warning restore EF1002
        }
    }
}
