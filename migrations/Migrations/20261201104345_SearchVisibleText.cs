using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClinicBlog.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class SearchVisibleText : Migration
    {
        /// <summary>Search indexes the text readers see (Posts.SearchText, taken from the sanitized HTML
        /// on save) instead of the Markdown source, so HTML comments, scripts and stripped attributes are
        /// neither found nor quoted. Existing rows get their text at the next start (it needs the
        /// renderer), which updates the index through the trigger.</summary>
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "Posts",
                type: "TEXT",
                nullable: false,
                defaultValue: "");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS PostSearch_PostInserted;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS PostSearch_PostUpdated;");
            migrationBuilder.Sql("""
                CREATE TRIGGER PostSearch_PostInserted AFTER INSERT ON Posts BEGIN
                    INSERT INTO PostSearch(rowid, title, summary, body, tags)
                    VALUES (new.Id, new.Title, COALESCE(new.Summary, ''), new.SearchText, '');
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER PostSearch_PostUpdated AFTER UPDATE OF Title, Summary, SearchText ON Posts BEGIN
                    UPDATE PostSearch SET title = new.Title, summary = COALESCE(new.Summary, ''), body = new.SearchText
                    WHERE rowid = new.Id;
                END;
                """);
            migrationBuilder.Sql("UPDATE PostSearch SET body = '';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS PostSearch_PostInserted;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS PostSearch_PostUpdated;");
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
            migrationBuilder.Sql("UPDATE PostSearch SET body = (SELECT Body FROM Posts WHERE Posts.Id = PostSearch.rowid);");
            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "Posts");
        }
    }
}
