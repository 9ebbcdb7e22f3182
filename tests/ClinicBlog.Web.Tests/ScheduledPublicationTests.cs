using AngleSharp.Dom;
using ClinicBlog.Core.Posts;
using Microsoft.Extensions.Time.Testing;

namespace ClinicBlog.Web.Tests;

/// <summary>A scheduled post reaches cached pages at its time without anyone touching the blog: the
/// watcher's round (claimed through the database, once for all instances) evicts the cached lists.</summary>
public sealed class ScheduledPublicationTests(ScheduledPublicationTests.Factory factory) : IClassFixture<ScheduledPublicationTests.Factory>
{
    public sealed class Factory : BlogFactory
    {
        public override FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Blog:OutputCache"] = "true" };
    }

    [Fact]
    public async Task A_scheduled_post_appears_on_the_cached_home_page_at_its_time()
    {
        var at = factory.Clock.GetUtcNow().UtcDateTime.AddSeconds(20);
        await factory.AddPostAsync("Published by the clock", PostStatus.Scheduled, at);
        using var reader = factory.CreateBrowserlikeClient();
        Assert.DoesNotContain(Titles(await reader.GetDocumentAsync("/")), t => t == "Published by the clock");
        using var cached = await reader.GetAsync("/");
        Assert.True(cached.Headers.Age is not null, "the home page is served from the cache before the post's time");

        // Well inside the cache's 30 minutes: only the watcher's eviction can bring the post in.
        factory.Clock.Advance(TimeSpan.FromSeconds(40));
        var deadline = DateTime.UtcNow.AddSeconds(15);
        IReadOnlyList<string> titles;
        do
        {
            await Task.Delay(200);
            titles = Titles(await reader.GetDocumentAsync("/"));
        }
        while (!titles.Contains("Published by the clock") && DateTime.UtcNow < deadline);

        Assert.Contains("Published by the clock", titles);
    }

    private static List<string> Titles(IDocument page) => [.. page.QuerySelectorAll(".post-card h2 a").Select(a => a.TextContent)];
}
