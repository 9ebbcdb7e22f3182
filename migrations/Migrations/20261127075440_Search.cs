using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClinicBlog.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class Search : Migration
    {
        /// <summary>Full-text search over posts (SQLite FTS5), kept in step with Posts and PostTags by triggers.</summary>
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE PostSearch USING fts5(
                    title, summary, body, tags,
                    tokenize = 'porter unicode61 remove_diacritics 2');
                """);
            migrationBuilder.Sql("""
                INSERT INTO PostSearch(rowid, title, summary, body, tags)
                SELECT p.Id, p.Title, COALESCE(p.Summary, ''), p.Body,
                       COALESCE((SELECT group_concat(t.Name, ' ') FROM PostTags pt JOIN Tags t ON t.Id = pt.TagsId WHERE pt.PostsId = p.Id), '')
                FROM Posts p;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER PostSearch_PostInserted AFTER INSERT ON Posts BEGIN
                    INSERT INTO PostSearch(rowid, title, summary, body, tags)
                    VALUES (new.Id, new.Title, COALESCE(new.Summary, ''), new.Body, '');
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER PostSearch_PostUpdated AFTER UPDATE OF Title, Summary, Body ON Posts BEGIN
                    UPDATE PostSearch SET title = new.Title, summary = COALESCE(new.Summary, ''), body = new.Body
                    WHERE rowid = new.Id;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER PostSearch_PostDeleted AFTER DELETE ON Posts BEGIN
                    DELETE FROM PostSearch WHERE rowid = old.Id;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER PostSearch_TagAdded AFTER INSERT ON PostTags BEGIN
                    UPDATE PostSearch
                    SET tags = COALESCE((SELECT group_concat(t.Name, ' ') FROM PostTags pt JOIN Tags t ON t.Id = pt.TagsId WHERE pt.PostsId = new.PostsId), '')
                    WHERE rowid = new.PostsId;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER PostSearch_TagRemoved AFTER DELETE ON PostTags BEGIN
                    UPDATE PostSearch
                    SET tags = COALESCE((SELECT group_concat(t.Name, ' ') FROM PostTags pt JOIN Tags t ON t.Id = pt.TagsId WHERE pt.PostsId = old.PostsId), '')
                    WHERE rowid = old.PostsId;
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in new[] { "PostSearch_PostInserted", "PostSearch_PostUpdated", "PostSearch_PostDeleted", "PostSearch_TagAdded", "PostSearch_TagRemoved" })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {trigger};");
            }

            migrationBuilder.Sql("DROP TABLE IF EXISTS PostSearch;");
        }
    }
}
