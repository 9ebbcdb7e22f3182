using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClinicBlog.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class CommentModeration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Comments_Status_CreatedAt",
                table: "Comments");

            migrationBuilder.AddColumn<bool>(
                name: "IsFromStaff",
                table: "Comments",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "IsUrgent",
                table: "Comments",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "CommenterBans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    IpHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedById = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommenterBans", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Comments_Status_IsUrgent_CreatedAt",
                table: "Comments",
                columns: new[] { "Status", "IsUrgent", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CommenterBans_Email",
                table: "CommenterBans",
                column: "Email");

            migrationBuilder.CreateIndex(
                name: "IX_CommenterBans_IpHash",
                table: "CommenterBans",
                column: "IpHash");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CommenterBans");

            migrationBuilder.DropIndex(
                name: "IX_Comments_Status_IsUrgent_CreatedAt",
                table: "Comments");

            migrationBuilder.DropColumn(
                name: "IsFromStaff",
                table: "Comments");

            migrationBuilder.DropColumn(
                name: "IsUrgent",
                table: "Comments");

            migrationBuilder.CreateIndex(
                name: "IX_Comments_Status_CreatedAt",
                table: "Comments",
                columns: new[] { "Status", "CreatedAt" });
        }
    }
}
