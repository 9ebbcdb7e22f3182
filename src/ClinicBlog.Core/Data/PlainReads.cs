using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace ClinicBlog.Core.Data;

/// <summary>Reads that bypass LINQ, for the start-up checks that run on every start and almost always find
/// nothing to do: compiling a LINQ (or Identity) query for them costs a tenth of a second each, the read itself
/// a fraction of a millisecond.</summary>
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
}
