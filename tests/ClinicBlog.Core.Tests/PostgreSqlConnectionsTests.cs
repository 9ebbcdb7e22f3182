using ClinicBlog.Core.Data;
using Npgsql;

namespace ClinicBlog.Core.Tests;

public sealed class PostgreSqlConnectionsTests
{
    [Fact]
    public void A_connection_string_that_says_nothing_gets_prepared_statements_kept_across_pooled_uses()
    {
        var tuned = new NpgsqlConnectionStringBuilder(PostgreSqlConnections.Tuned("Host=db;Database=clinicblog;Username=blog;Password='p@ss;word'"));

        Assert.Equal(PostgreSqlConnections.AutoPrepared, tuned.MaxAutoPrepare);
        Assert.True(tuned.NoResetOnClose);
        // Everything given stays as it was.
        Assert.Equal("db", tuned.Host);
        Assert.Equal("clinicblog", tuned.Database);
        Assert.Equal("blog", tuned.Username);
        Assert.Equal("p@ss;word", tuned.Password);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0;No Reset On Close=false", 0, false)]
    [InlineData("Host=db;MaxAutoPrepare=5;NoResetOnClose=False", 5, false)]
    [InlineData("Host=db;max auto prepare=7", 7, true)]
    public void What_the_operator_chose_is_kept(string given, int maxAutoPrepare, bool noResetOnClose)
    {
        var tuned = new NpgsqlConnectionStringBuilder(PostgreSqlConnections.Tuned(given));

        Assert.Equal(maxAutoPrepare, tuned.MaxAutoPrepare);
        Assert.Equal(noResetOnClose, tuned.NoResetOnClose);
    }
}
