using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClinicBlog.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class ReaderListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Posts_AuthorId_Status_PublishedAt",
                table: "Posts");

            migrationBuilder.DropIndex(
                name: "IX_Posts_Status_PublishedAt",
                table: "Posts");

            migrationBuilder.CreateIndex(
                name: "IX_Posts_AuthorId_PublishedAt_Id_Status",
                table: "Posts",
                columns: new[] { "AuthorId", "PublishedAt", "Id", "Status" },
                descending: new[] { false, true, true, false });

            migrationBuilder.CreateIndex(
                name: "IX_Posts_PublishedAt_Id_Status",
                table: "Posts",
                columns: new[] { "PublishedAt", "Id", "Status" },
                descending: new[] { true, true, false });

            migrationBuilder.CreateIndex(
                name: "IX_Posts_UpdatedAt",
                table: "Posts",
                column: "UpdatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Posts_AuthorId_PublishedAt_Id_Status",
                table: "Posts");

            migrationBuilder.DropIndex(
                name: "IX_Posts_PublishedAt_Id_Status",
                table: "Posts");

            migrationBuilder.DropIndex(
                name: "IX_Posts_UpdatedAt",
                table: "Posts");

            migrationBuilder.CreateIndex(
                name: "IX_Posts_AuthorId_Status_PublishedAt",
                table: "Posts",
                columns: new[] { "AuthorId", "Status", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Posts_Status_PublishedAt",
                table: "Posts",
                columns: new[] { "Status", "PublishedAt" });
        }
    }
}
