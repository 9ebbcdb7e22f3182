using System.Globalization;

namespace ClinicBlog.Web.Models;

/// <summary>How dates read on the blog: "June 14, 2024" for people, ISO 8601 for machines.</summary>
public static class Formats
{
    public static string LongDate(DateTime utc) => utc.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture);

    public static string MachineDate(DateTime utc) => utc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    public static string Minutes(int minutes) => minutes == 1 ? "1 min read" : $"{minutes} min read";

    public static string Count(int count, string singular, string plural) =>
        count == 1 ? $"1 {singular}" : $"{count.ToString(CultureInfo.InvariantCulture)} {plural}";
}
