namespace ClinicBlog.Web.Commands;

/// <summary>The commands' own options, taken out of the arguments before the rest go to the host's configuration.</summary>
internal static class CommandArguments
{
    /// <summary>Removes <paramref name="option"/> and its value from <paramref name="args"/>: null when the
    /// option is absent, empty when it is given without a value (a usage error for the caller).</summary>
    public static string? TakeOption(List<string> args, string option)
    {
        var at = args.IndexOf(option);
        if (at < 0)
        {
            return null;
        }

        var value = at + 1 < args.Count && !args[at + 1].StartsWith('-') ? args[at + 1] : string.Empty;
        args.RemoveRange(at, value.Length > 0 ? 2 : 1);
        return value;
    }
}
