namespace ClinicBlog.Core.Content;

/// <summary>Estimates how long a text takes to read.</summary>
public static class ReadingTime
{
    /// <summary>A comfortable pace for careful reading of medical text.</summary>
    public const int WordsPerMinute = 200;

    /// <summary>Whole minutes to read <paramref name="text"/>, at least one.</summary>
    public static int Minutes(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return 1;
        }

        var words = 0;
        var inWord = false;
        foreach (var c in text)
        {
            // An apostrophe inside a word ("it’s") does not start a new one.
            var isWordChar = char.IsLetterOrDigit(c) || (inWord && c is '\'' or '’');
            if (isWordChar && !inWord)
            {
                words++;
            }

            inWord = isWordChar;
        }

        return Math.Max(1, (int)Math.Ceiling(words / (double)WordsPerMinute));
    }
}
