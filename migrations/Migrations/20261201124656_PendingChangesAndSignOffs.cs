using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClinicBlog.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class PendingChangesAndSignOffs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "ReviewedBodyHash",
                table: "Posts",
                newName: "ReviewedContentHash");

            migrationBuilder.AddColumn<int>(
                name: "PendingRevisionId",
                table: "Posts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PendingSinceRevisionId",
                table: "Posts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "TextChangedAt",
                table: "Posts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContentHash",
                table: "PostRevisions",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CoverImage",
                table: "PostRevisions",
                type: "TEXT",
                maxLength: 80,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReviewedAt",
                table: "PostRevisions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReviewerId",
                table: "PostRevisions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SignedOffById",
                table: "PostRevisions",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Slug",
                table: "PostRevisions",
                type: "TEXT",
                maxLength: 120,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Tags",
                table: "PostRevisions",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_PostRevisions_ReviewerId",
                table: "PostRevisions",
                column: "ReviewerId");

            migrationBuilder.AddForeignKey(
                name: "FK_PostRevisions_Authors_ReviewerId",
                table: "PostRevisions",
                column: "ReviewerId",
                principalTable: "Authors",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_PostRevisions_Authors_ReviewerId",
                table: "PostRevisions");

            migrationBuilder.DropIndex(
                name: "IX_PostRevisions_ReviewerId",
                table: "PostRevisions");

            migrationBuilder.DropColumn(
                name: "PendingRevisionId",
                table: "Posts");

            migrationBuilder.DropColumn(
                name: "PendingSinceRevisionId",
                table: "Posts");

            migrationBuilder.DropColumn(
                name: "TextChangedAt",
                table: "Posts");

            migrationBuilder.DropColumn(
                name: "ContentHash",
                table: "PostRevisions");

            migrationBuilder.DropColumn(
                name: "CoverImage",
                table: "PostRevisions");

            migrationBuilder.DropColumn(
                name: "ReviewedAt",
                table: "PostRevisions");

            migrationBuilder.DropColumn(
                name: "ReviewerId",
                table: "PostRevisions");

            migrationBuilder.DropColumn(
                name: "SignedOffById",
                table: "PostRevisions");

            migrationBuilder.DropColumn(
                name: "Slug",
                table: "PostRevisions");

            migrationBuilder.DropColumn(
                name: "Tags",
                table: "PostRevisions");

            migrationBuilder.RenameColumn(
                name: "ReviewedContentHash",
                table: "Posts",
                newName: "ReviewedBodyHash");
        }
    }
}
