using ClinicBlog.Core.Content;

namespace ClinicBlog.Core.Tests;

public class ReadingTimeTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(200, 1)]
    [InlineData(201, 2)]
    [InlineData(1000, 5)]
    [InlineData(1001, 6)]
    public void Rounds_up_to_whole_minutes_at_200_words_a_minute(int words, int minutes)
    {
        var text = string.Join(' ', Enumerable.Repeat("word", words));

        Assert.Equal(minutes, ReadingTime.Minutes(text));
    }

    [Fact]
    public void Contractions_and_markdown_punctuation_do_not_inflate_the_count()
    {
        // 200 words: "it’s" is one word, and Markdown markup is not a word.
        var text = "## Heading\n\n" + string.Join(' ', Enumerable.Repeat("it’s", 198)) + " **done**.";

        Assert.Equal(1, ReadingTime.Minutes(text));
    }
}
