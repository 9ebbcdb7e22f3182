using System.Globalization;

namespace ClinicBlog.Web.Models;

/// <summary>Reads a <c>?page=</c> value. Anything that is not a whole number from 1 up is refused,
/// so a malformed URL gets a 404 instead of an error.</summary>
public static class PageNumber
{
    /// <summary>The highest page number accepted; far past any real archive, low enough to keep offsets sane.</summary>
    public const int Max = 100_000;

    public static bool TryRead(string? raw, out int page)
    {
        if (string.IsNullOrEmpty(raw))
        {
            page = 1;
            return true;
        }

        return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out page) && page is >= 1 and <= Max;
    }
}
