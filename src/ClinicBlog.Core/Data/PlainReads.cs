using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace ClinicBlog.Core.Data;

/// <summary>Reads that bypass LINQ. For the start-up checks that run on every start and almost always find
/// nothing to do: compiling a LINQ (or Identity) query for them costs a tenth of a second each, the read itself
/// a fraction of a millisecond. And for the search, whose raw SQL sent through EF Core's <c>SqlQuery</c> took its
/// LINQ query pipeline on every search: unique searches ran 15–25% slower that way (bench/README.md).</summary>
public static class PlainReads
{
    /// <summary>The first row of <paramref name="sql"/>, every column a count.</summary>
    public static async Task<long[]> CountsAsync(this BlogDbContext db, string sql, CancellationToken cancellationToken)
    {
        object[]? first = null;
        await db.ReadAsync(sql, row => first ??= row, cancellationToken);
        return first is null ? [] : Array.ConvertAll(first, value => Convert.ToInt64(value, CultureInfo.InvariantCulture));
    }

    /// <summary>Every row of <paramref name="sql"/>, as the values of its columns.</summary>
    public static async Task ReadAsync(this BlogDbContext db, string sql, Action<object[]> onRow, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var row = new object[reader.FieldCount];
                reader.GetValues(row);
                onRow(row);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Every row of <paramref name="sql"/>, whose interpolated values are sent as parameters (never
    /// spliced into its text), read from the reader as it stands on each row. Built as EF Core builds
    /// <c>ExecuteSql</c>'s commands, so its interceptors and logging see it.</summary>
    public static async Task ReadRowsAsync(this BlogDbContext db, FormattableString sql, Action<DbDataReader> onRow, CancellationToken cancellationToken)
    {
        var command = db.GetService<IRawSqlCommandBuilder>().Build(sql.Format, sql.GetArguments()!);
        await using var reader = await command.RelationalCommand.ExecuteReaderAsync(
            new RelationalCommandParameterObject(db.GetService<IRelationalConnection>(), command.ParameterValues, null, db,
                db.GetService<IRelationalCommandDiagnosticsLogger>(), CommandSource.FromSqlQuery),
            cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            onRow(reader.DbDataReader);
        }
    }
}
