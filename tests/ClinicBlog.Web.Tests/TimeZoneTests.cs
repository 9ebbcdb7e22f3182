using ClinicBlog.Core.Posts;
using Microsoft.EntityFrameworkCore;

namespace ClinicBlog.Web.Tests;

/// <summary><c>Blog:TimeZone</c>: staff type and read times on the clinic's clock; readers see its calendar.</summary>
public sealed class TimeZoneTests(TimeZoneTests.Factory factory) : IClassFixture<TimeZoneTests.Factory>
{
    public sealed class Factory : BlogFactory
    {
        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
        {
            ["Blog:TimeZone"] = "America/Chicago",
            ["Blog:Posts:RequireReview"] = "false",
        };
    }

    [Fact]
    public async Task A_publish_time_is_typed_in_the_clinics_zone_and_stored_in_utc()
    {
        using var admin = await factory.SignedInAdminAsync();
        var page = await admin.GetDocumentAsync("/admin/posts/new");
        Assert.Equal("Publish time (America/Chicago)", page.QuerySelector("label[for=PublishAt]")!.TextContent);

        using var saved = await admin.SubmitAsync(page.Form(".editor-form"), new Dictionary<string, string>
        {
            ["Title"] = "Winter hours",
            ["Body"] = "We open at nine.",
            ["Status"] = "Scheduled",
            ["PublishAt"] = "2030-12-01T09:00",
        }, "button[value=save]");

        var stored = await factory.WithDbAsync(db => db.Posts.Where(p => p.Title == "Winter hours").Select(p => p.PublishedAt).SingleAsync());
        Assert.Equal(new DateTime(2030, 12, 1, 15, 0, 0), stored);
        var edit = await Html.ParseAsync(saved);
        Assert.Equal("2030-12-01T09:00", edit.QuerySelector("#PublishAt")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Readers_see_dates_on_the_clinics_calendar()
    {
        // 03:00 UTC on December 2 is still December 1 in Chicago.
        var slug = await factory.AddPostAsync("Late evening news", PostStatus.Published, new DateTime(2026, 11, 2, 3, 0, 0, DateTimeKind.Utc));

        var page = await factory.CreateBrowserlikeClient().GetDocumentAsync($"/posts/{slug}");

        Assert.Equal("November 1, 2026", page.QuerySelector("article .meta time")!.TextContent);
        Assert.Equal("2026-11-02T03:00:00Z", page.QuerySelector("article .meta time")!.GetAttribute("datetime"));
    }

    [Fact]
    public async Task The_archive_groups_articles_by_the_clinics_month()
    {
        // 02:00 UTC on October 1 is still September 30 in Chicago.
        var slug = await factory.AddPostAsync("End of September", PostStatus.Published, new DateTime(2026, 10, 1, 2, 0, 0, DateTimeKind.Utc));

        var archive = await factory.CreateBrowserlikeClient().GetDocumentAsync("/archive");

        var month = archive.QuerySelectorAll("h3").Single(h => h.NextElementSibling!.QuerySelector($"a[href='/posts/{slug}']") is not null);
        Assert.Equal("September 2026", month.TextContent);
    }
}

/// <summary>A time zone that does not exist stops the app at start with a clear message.</summary>
public sealed class UnknownTimeZoneTests
{
    private sealed class Factory : BlogFactory
    {
        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Blog:TimeZone"] = "Mars/Olympus_Mons" };
    }

    [Fact]
    public async Task The_app_refuses_to_start()
    {
        await using var factory = new Factory();

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Blog:TimeZone must be an IANA time zone name", error.ToString(), StringComparison.Ordinal);
    }
}
