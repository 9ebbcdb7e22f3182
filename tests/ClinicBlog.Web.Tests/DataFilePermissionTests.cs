using ClinicBlog.Core.Posts;

namespace ClinicBlog.Web.Tests;

/// <summary>What the data folder holds (commenters' emails, password hashes, the IP-hash salt, the key
/// ring) is readable by the blog's own account only, not by every account on the server.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
[Trait("Database", "SqliteOnly")]
public sealed class DataFilePermissionTests(BlogFactory factory) : IClassFixture<BlogFactory>
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public async Task The_database_its_log_and_the_salt_are_owner_only()
    {
        using var reader = factory.CreateBrowserlikeClient();
        using (await reader.PostCommentAsync(TestContent.SeedSlug, "Perm Reader", "A comment so everything is written."))
        {
        }

        foreach (var file in new[] { "blog.db", "blog.db-wal", "blog.db-shm", "ip-salt.key" })
        {
            var path = Path.Combine(factory.DataDirectory, file);
            Assert.True(File.Exists(path), $"{file} is missing");
            Assert.True(File.GetUnixFileMode(path) == OwnerReadWrite, $"{file} is {File.GetUnixFileMode(path)}");
        }

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(factory.DataDirectory));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.Combine(factory.DataDirectory, "keys")));
    }

    [Fact]
    public async Task Files_an_earlier_version_left_readable_are_tightened_at_the_next_start()
    {
        _ = factory.Services;
        var database = Path.Combine(factory.DataDirectory, "blog.db");
        File.SetUnixFileMode(database, OwnerReadWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        await Core.Data.DatabaseInitializer.InitializeAsync(factory.Services);

        Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(database));
        Assert.Equal(TestContent.SeedTitle, (await factory.CreateBrowserlikeClient().GetDocumentAsync(TestContent.SeedUrl)).QuerySelector("h1")!.TextContent);
        Assert.NotNull(await factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(db.Posts, p => p.Status == PostStatus.Published)));
    }
}
