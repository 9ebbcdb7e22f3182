
namespace ClinicBlog.Web.Areas.Admin.Models;

/// <summary>The "ban this sender" form.</summary>
public class BanForm
{
    public string? Reason { get; set; }

    /// <summary>Days the ban lasts, as typed; empty for no end (read as text, so a wrong value is
    /// shown back with a message instead of silently becoming a ban without end).</summary>
    public string? Days { get; set; }

    /// <summary>The days as a number: null for empty; false when it is not a whole number of days in range.</summary>
    public bool TryReadDays(out int? days)
    {
        days = null;
        if (string.IsNullOrWhiteSpace(Days))
        {
            return true;
        }

        if (int.TryParse(Days.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
            && value is >= 1 and <= Core.Comments.CommenterBan.MaxDays)
        {
            days = value;
            return true;
        }

        return false;
    }
}
