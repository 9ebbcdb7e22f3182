using ClinicBlog.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicBlog.Web.Tests;

/// <summary>The app starts from compiled models (src/ClinicBlog.Core/Data/CompiledModels, one per provider)
/// instead of building the model from OnModelCreating. These tests fail when the entities or their
/// configuration change and the compiled models were not generated again (the commands are in the README).</summary>
public sealed class CompiledModelTests
{
    [Fact]
    public async Task The_sqlite_compiled_model_matches_the_model_the_code_describes()
    {
        // A search first: its SqlQuery result types join the shared compiled model as the app runs.
        using (var factory = new BlogFactory())
        {
            using var client = factory.CreateClient();
            using var search = await client.GetAsync("/search?q=ketamine");
            search.EnsureSuccessStatusCode();
        }

        AssertSame(
            new DbContextOptionsBuilder<BlogDbContext>().UseSqlite("Data Source=:memory:").UseModel(Core.Data.CompiledModels.Sqlite.BlogDbContextModel.Instance).Options,
            new DbContextOptionsBuilder<BlogDbContext>().UseSqlite("Data Source=:memory:").Options);
    }

    [Fact]
    public void The_postgresql_compiled_model_matches_the_model_the_code_describes()
    {
        AssertSame(
            new DbContextOptionsBuilder<BlogDbContext>().UseNpgsql("Host=localhost").UseModel(Core.Data.CompiledModels.PostgreSql.BlogDbContextModel.Instance).Options,
            new DbContextOptionsBuilder<BlogDbContext>().UseNpgsql("Host=localhost").Options);
    }

    [Fact]
    public void The_app_uses_the_compiled_model()
    {
        using var factory = new BlogFactory();
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BlogDbContext>();

        // The provider the test run uses (the integration tests also run on PostgreSQL).
        var expected = db.Database.IsSqlite()
            ? Core.Data.CompiledModels.Sqlite.BlogDbContextModel.Instance
            : Core.Data.CompiledModels.PostgreSql.BlogDbContextModel.Instance;
        Assert.Same(expected, db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()!.Model);
    }

    /// <summary>Both models as a context sees them (the compiled one initialised for its provider), compared
    /// through EF's full description of each: entities, properties, keys, indexes, relations, annotations.</summary>
    private static void AssertSame(DbContextOptions<BlogDbContext> compiled, DbContextOptions<BlogDbContext> described)
    {
        using var fromCode = new BlogDbContext(described);
        using var fromCompiled = new BlogDbContext(compiled);
        var expected = WithoutAdHocTypes(fromCode.Model.ToDebugString(MetadataDebugStringOptions.LongDefault));
        var actual = WithoutAdHocTypes(fromCompiled.Model.ToDebugString(MetadataDebugStringOptions.LongDefault));
        Assert.True(expected == actual, "The compiled model is out of date: run the `dotnet ef dbcontext optimize` commands in the README. First difference:\n" + FirstDifference(expected, actual));
    }

    /// <summary>Result types of <c>Database.SqlQuery&lt;T&gt;</c> join a model as "ad-hoc" entity types when
    /// first used, so the shared compiled model gains them as the process runs: not part of what is compared.</summary>
    private static string WithoutAdHocTypes(string description)
    {
        var kept = new List<string>();
        int? skippingDeeperThan = null;
        foreach (var line in description.Split('\n'))
        {
            var indent = line.Length - line.TrimStart().Length;
            if (skippingDeeperThan is { } level && (indent > level || line.Trim().Length == 0))
            {
                continue;
            }

            skippingDeeperThan = null;
            if (line.Trim() == "Ad-hoc entity types:")
            {
                skippingDeeperThan = indent;
                continue;
            }

            kept.Add(line);
        }

        return string.Join('\n', kept);
    }

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var left = i < e.Length ? e[i] : "(end)";
            var right = i < a.Length ? a[i] : "(end)";
            if (left != right)
            {
                return $"line {i + 1}: code describes \"{left.Trim()}\", compiled model has \"{right.Trim()}\"";
            }
        }

        return "none";
    }
}
