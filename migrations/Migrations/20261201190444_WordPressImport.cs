using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClinicBlog.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class WordPressImport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ImportKey",
                table: "Posts",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ImportKey",
                table: "Pages",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ImportKey",
                table: "MediaFiles",
                type: "TEXT",
                maxLength: 600,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ImportKey",
                table: "Comments",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ImportKey",
                table: "Authors",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Posts_ImportKey",
                table: "Posts",
                column: "ImportKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Pages_ImportKey",
                table: "Pages",
                column: "ImportKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MediaFiles_ImportKey",
                table: "MediaFiles",
                column: "ImportKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Comments_ImportKey",
                table: "Comments",
                column: "ImportKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Authors_ImportKey",
                table: "Authors",
                column: "ImportKey",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Posts_ImportKey",
                table: "Posts");

            migrationBuilder.DropIndex(
                name: "IX_Pages_ImportKey",
                table: "Pages");

            migrationBuilder.DropIndex(
                name: "IX_MediaFiles_ImportKey",
                table: "MediaFiles");

            migrationBuilder.DropIndex(
                name: "IX_Comments_ImportKey",
                table: "Comments");

            migrationBuilder.DropIndex(
                name: "IX_Authors_ImportKey",
                table: "Authors");

            migrationBuilder.DropColumn(
                name: "ImportKey",
                table: "Posts");

            migrationBuilder.DropColumn(
                name: "ImportKey",
                table: "Pages");

            migrationBuilder.DropColumn(
                name: "ImportKey",
                table: "MediaFiles");

            migrationBuilder.DropColumn(
                name: "ImportKey",
                table: "Comments");

            migrationBuilder.DropColumn(
                name: "ImportKey",
                table: "Authors");
        }
    }
}
