using ClinicBlog.Core;
using Microsoft.Extensions.Options;

namespace ClinicBlog.Core.Tests;

public class ClinicTimeTests
{
    private static ClinicTime In(string zone) => new(Options.Create(new BlogOptions { TimeZone = zone }));

    [Fact]
    public void Wall_clock_times_are_stored_in_utc_and_shown_back_as_typed()
    {
        var chicago = In("America/Chicago");

        var utc = chicago.ToUtc(new DateTime(2026, 12, 1, 9, 0, 0));

        Assert.Equal(new DateTime(2026, 12, 1, 15, 0, 0, DateTimeKind.Utc), utc);
        Assert.Equal("2026-12-01T09:00", chicago.LocalInputValue(utc));
        Assert.Equal("December 1, 2026 09:00 America/Chicago", chicago.DateAndTime(utc));
    }

    [Fact]
    public void Dates_fall_on_the_clinics_calendar()
    {
        Assert.Equal("December 1, 2026", In("America/Chicago").LongDate(new DateTime(2026, 12, 2, 3, 0, 0, DateTimeKind.Utc)));
        Assert.Equal("December 2, 2026", In("UTC").LongDate(new DateTime(2026, 12, 2, 3, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void A_time_the_clocks_skip_is_read_as_just_after_the_change()
    {
        // Summer time starts on March 29, 2026 in London: 01:00 becomes 02:00, so 01:30 never happens.
        var london = In("Europe/London");

        Assert.Equal(new DateTime(2026, 3, 29, 1, 0, 0, DateTimeKind.Utc), london.ToUtc(new DateTime(2026, 3, 29, 1, 30, 0)));
    }

    [Theory]
    [InlineData("Europe/London", true)]
    [InlineData("UTC", true)]
    [InlineData("Mars/Olympus_Mons", false)]
    [InlineData("", false)]
    public void Only_real_time_zones_are_accepted(string name, bool accepted)
    {
        Assert.Equal(accepted, ClinicTime.TryFindZone(name, out _));
    }
}
