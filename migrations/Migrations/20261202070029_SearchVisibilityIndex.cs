using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClinicBlog.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class SearchVisibilityIndex : Migration
    {
        /// <summary>Search checks each full-text match's visibility from this index instead of the post's row
        /// (whose Status and PublishedAt lie past the article's text, on overflow pages).</summary>
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Posts_Id_Status_PublishedAt",
                table: "Posts",
                columns: new[] { "Id", "Status", "PublishedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Posts_Id_Status_PublishedAt",
                table: "Posts");
        }
    }
}
