using System.Globalization;
using Microsoft.Extensions.Options;

namespace ClinicBlog.Core;

/// <summary>The clinic's time zone (<see cref="BlogOptions.TimeZone"/>): what people read and type is in it,
/// what is stored is UTC.</summary>
public sealed class ClinicTime(IOptions<BlogOptions> options)
{
    private readonly TimeZoneInfo _zone = TryFindZone(options.Value.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>The zone's name as staff see it beside times, such as "Europe/London" or "UTC".</summary>
    public string ZoneName => _zone.Id;

    public static bool TryFindZone(string? name, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(name))
        {
            return false;
        }

        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(name.Trim());
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }

    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), _zone);

    /// <summary>A wall-clock time typed in the clinic's zone, in UTC. A time the clocks skip (the hour lost
    /// when summer time starts) is read as the moment just after the change, as a clock on the wall would show.</summary>
    public DateTime ToUtc(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (_zone.IsInvalidTime(unspecified))
        {
            unspecified = unspecified.AddMinutes(30);
        }

        return TimeZoneInfo.ConvertTimeToUtc(unspecified, _zone);
    }

    /// <summary>"June 14, 2024", on the clinic's calendar.</summary>
    public string LongDate(DateTime utc) => ToLocal(utc).ToString("MMMM d, yyyy", CultureInfo.InvariantCulture);

    /// <summary>"June 14, 2024 09:30 Europe/London": a date and time for staff, labelled with the zone.</summary>
    public string DateAndTime(DateTime utc) =>
        ToLocal(utc).ToString("MMMM d, yyyy HH:mm", CultureInfo.InvariantCulture) + " " + ZoneName;

    /// <summary>The value of an <c>&lt;input type="datetime-local"&gt;</c> showing this moment in the clinic's zone.</summary>
    public string LocalInputValue(DateTime? utc) =>
        utc is { } value ? ToLocal(value).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture) : string.Empty;
}
