using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ClinicBlog.Web.Tests;

/// <summary>The connection string leaves foreign keys to the bundled SQLite (on by default there, and no PRAGMA
/// at every open of a pooled connection): the blog's own connections enforce them, and a database whose
/// connections would not is refused at start-up.</summary>
[Trait("Database", "SqliteOnly")]
public sealed class SqliteForeignKeyTests(BlogFactory factory) : IClassFixture<BlogFactory>
{
    private sealed class KeysOffFactory : BlogFactory
    {
        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
        {
            ["ConnectionStrings:Blog"] = new SqliteConnectionStringBuilder { DataSource = Path.Combine(DataDirectory, "blog.db"), ForeignKeys = false }.ToString(),
        };
    }

    [Fact]
    public async Task The_blogs_connections_refuse_to_orphan_an_article()
    {
        _ = factory.Services;

        // The seeded article's author cannot go while the article is there (ON DELETE RESTRICT): only an
        // enforced foreign key stops this statement, which EF Core does not see coming.
        var error = await Assert.ThrowsAsync<SqliteException>(() => factory.WithDbAsync(db =>
            db.Database.ExecuteSqlRawAsync("""DELETE FROM "Authors" WHERE "Id" = (SELECT "AuthorId" FROM "Posts" LIMIT 1)""")));

        Assert.Contains("FOREIGN KEY constraint failed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_connection_string_that_turns_foreign_keys_off_is_refused_at_start()
    {
        await using var keysOff = new KeysOffFactory();

        var error = Assert.ThrowsAny<Exception>(() => keysOff.CreateClient());

        Assert.Contains("does not enforce foreign keys", error.ToString(), StringComparison.Ordinal);
    }
}
