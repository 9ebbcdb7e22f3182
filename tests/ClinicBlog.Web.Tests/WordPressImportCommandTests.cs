using System.Text;
using Microsoft.EntityFrameworkCore;

namespace ClinicBlog.Web.Tests;

/// <summary>The <c>import-wordpress</c> command, run as its own process the way an operator runs it:
/// with a copy of <c>wp-content/uploads</c>, its images come into the media library (metadata
/// stripped, addresses rewritten); again, nothing doubles; a hostile file changes nothing.</summary>
[Trait("Category", "Slow")]
[Trait("Database", "Own")] // chooses its own database and servers: the PostgreSQL pass would only repeat it
public sealed class WordPressImportCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "clinicblog-tests", Guid.NewGuid().ToString("N"));

    private string Data => Path.Combine(_root, "data");

    private string Uploads => Path.Combine(_root, "uploads");

    public WordPressImportCommandTests()
    {
        Directory.CreateDirectory(Path.Combine(Uploads, "2024", "06"));
        // A phone photo: GPS, camera and a description in its metadata, none of which may reach readers.
        File.WriteAllBytes(Path.Combine(Uploads, "2024", "06", "clinic-room.jpg"), Images.JpegWithLocation());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task The_command_imports_images_from_the_uploads_copy_and_a_second_run_adds_nothing()
    {
        var (exitCode, output) = await AppProcess.RunCommandAsync(Data, "import-wordpress", WordPressExports.FixturePath, "--uploads", Uploads);
        Assert.True(exitCode == 0, output);
        Assert.Contains("items read", output, StringComparison.Ordinal);
        Assert.Contains("5 posts imported, 1 merged", output, StringComparison.Ordinal);
        Assert.Contains("1 images imported", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Images still pointing at the old site", output, StringComparison.Ordinal);
        Assert.Matches(@"line \d+: .*Old clinic news", output);

        var (again, againOutput) = await AppProcess.RunCommandAsync(Data, "import-wordpress", WordPressExports.FixturePath, "--uploads", Uploads);
        Assert.True(again == 0, againOutput);
        Assert.Contains("0 posts imported, 0 merged, 6 already here", againOutput, StringComparison.Ordinal);
        Assert.Contains("0 images imported", againOutput, StringComparison.Ordinal);

        await using var factory = new BlogFactory { DataDirectory = Data, DeleteDataOnDispose = false };
        var reader = factory.CreateClient();
        var post = await reader.GetDocumentAsync("/posts/sleep-and-anxiety");
        var image = post.QuerySelector(".post-body img[alt='Our quiet room at the clinic']")!;
        var src = image.GetAttribute("src")!;
        Assert.Matches("^/media/[0-9a-f]{32}\\.jpg$", src);
        // The photo is turned upright (EXIF orientation 6): shown 2 wide and 4 high.
        Assert.Equal(("2", "4"), (image.GetAttribute("width"), image.GetAttribute("height")));
        Assert.Equal(src, post.QuerySelector("img.cover")!.GetAttribute("src"));
        Assert.DoesNotContain("oldclinic.example/wp-content", post.QuerySelector("main")!.InnerHtml, StringComparison.Ordinal);
        var about = await reader.GetDocumentAsync("/about-us");
        Assert.Equal(src, about.QuerySelector("main img[alt='Waiting room']")!.GetAttribute("src"));
        Assert.Equal(1, await factory.WithDbAsync(db => db.MediaFiles.CountAsync()));

        using var served = await reader.GetAsync(src);
        var bytes = await served.Content.ReadAsByteArrayAsync();
        Assert.Equal(Images.JpegScan(Images.SmallJpeg), Images.JpegScan(bytes));
        Assert.DoesNotContain(Images.Secret, Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Paths_that_leave_the_uploads_folder_are_not_followed()
    {
        File.WriteAllBytes(Path.Combine(_root, "outside.jpg"), Images.SmallJpeg);
        var export = Path.Combine(_root, "escape.xml");
        File.WriteAllText(export, WordPressExports.Wrap(WordPressExports.Post(7001, "Escape", "escape",
            "<p><img src=\"https://small.example/wp-content/uploads/../outside.jpg\" alt=\"a\"><img src=\"https://small.example/wp-content/uploads/%2e%2e/outside.jpg\" alt=\"b\"></p>")));
        var (exitCode, output) = await AppProcess.RunCommandAsync(Data, "import-wordpress", export, "--uploads", Uploads);
        Assert.True(exitCode == 0, output);
        Assert.Contains("0 images imported", output, StringComparison.Ordinal);
        Assert.Contains("not an image inside the uploads folder", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hostile_file_exits_non_zero_with_the_line_and_a_missing_one_shows_usage()
    {
        var hostile = Path.Combine(_root, "xxe.xml");
        File.WriteAllText(hostile, "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n<rss><channel><title>&xxe;</title></channel></rss>\n");
        var (exitCode, output) = await AppProcess.RunCommandAsync(Data, "import-wordpress", hostile);
        Assert.Equal(1, exitCode);
        Assert.Contains("nothing was changed", output, StringComparison.Ordinal);
        Assert.Contains("Line 2", output, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", output, StringComparison.Ordinal);

        var (usage, usageOutput) = await AppProcess.RunCommandAsync(Data, "import-wordpress");
        Assert.Equal(2, usage);
        Assert.Contains("Usage:", usageOutput, StringComparison.Ordinal);
        var (missing, missingOutput) = await AppProcess.RunCommandAsync(Data, "import-wordpress", WordPressExports.FixturePath, "--uploads", Path.Combine(_root, "nowhere"));
        Assert.Equal(2, missing);
        Assert.Contains("No such folder", missingOutput, StringComparison.Ordinal);
    }
}
