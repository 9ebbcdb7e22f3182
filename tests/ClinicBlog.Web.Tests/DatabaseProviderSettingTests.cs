namespace ClinicBlog.Web.Tests;

/// <summary><c>Blog:Database:Provider</c> is Sqlite (the default) or PostgreSql; anything else, or PostgreSql
/// without a connection string, stops the app at start with a message saying what to set.</summary>
[Trait("Database", "Own")] // chooses its own database and servers: the PostgreSQL pass would only repeat it
public sealed class DatabaseProviderSettingTests
{
    private sealed class Factory(Dictionary<string, string> settings) : BlogFactory
    {
        protected override IReadOnlyDictionary<string, string> Settings => settings;
    }

    [Theory]
    [InlineData("Oracle", null, "it must be Sqlite (the default) or PostgreSql")]
    [InlineData("PostgreSql", null, "ConnectionStrings:Blog is empty")]
    public async Task A_wrong_provider_setting_stops_the_app_with_what_to_set(string provider, string? connectionString, string message)
    {
        var settings = new Dictionary<string, string> { ["Blog:Database:Provider"] = provider };
        if (connectionString is not null)
        {
            settings["ConnectionStrings:Blog"] = connectionString;
        }

        await using var factory = new Factory(settings);
        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.Contains(message, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sqlite_by_name_is_the_default()
    {
        await using var factory = new Factory(new Dictionary<string, string> { ["Blog:Database:Provider"] = "sqlite" });
        using var response = await factory.CreateClient().GetAsync(TestContent.SeedUrl);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.True(File.Exists(Path.Combine(factory.DataDirectory, "blog.db")));
    }
}
