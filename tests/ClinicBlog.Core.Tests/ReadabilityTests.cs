using ClinicBlog.Core.Content;

namespace ClinicBlog.Core.Tests;

public class ReadabilityTests
{
    [Fact]
    public void Short_everyday_sentences_score_a_low_grade()
    {
        var report = Readability.Analyze("<p>Drink water. Rest when you feel tired. Call us if the pain gets worse.</p>");

        Assert.Equal(3, report.Sentences);
        Assert.Equal(14, report.Words);
        Assert.True(report.Grade < 4, $"grade {report.Grade}");
        Assert.Equal(0, report.LongSentences);
        Assert.Equal(0, report.PassiveSentences);
    }

    [Fact]
    public void Long_sentences_of_long_words_score_a_high_grade_and_are_counted()
    {
        const string sentence = "Intravenous ketamine administration necessitates comprehensive cardiovascular monitoring, meticulous psychiatric evaluation and individualized dosing considerations throughout the therapeutic intervention, particularly for individuals presenting with hypertension or concurrent pharmacological treatments.";
        var report = Readability.Analyze($"<p>{sentence}</p><p>Ask us.</p>");

        Assert.Equal(2, report.Sentences);
        Assert.True(report.Grade > 12, $"grade {report.Grade}");
        Assert.Equal(1, report.LongSentences);
    }

    [Theory]
    [InlineData("The infusion is given over forty minutes.", 1)]
    [InlineData("Patients were not told about the risks.", 1)]
    [InlineData("Your dose was carefully adjusted.", 1)]
    [InlineData("The nurse gives the infusion over forty minutes.", 0)]
    [InlineData("The clinic is open on Saturdays.", 0)]
    public void Passive_sentences_are_counted(string text, int passive)
    {
        Assert.Equal(passive, Readability.Analyze($"<p>{text}</p>").PassiveSentences);
    }

    [Fact]
    public void Headings_and_list_items_end_sentences_and_references_and_code_are_left_out()
    {
        var html = "<h2>Before your visit</h2><ul><li>Eat lightly</li><li>Bring a friend</li></ul>"
                   + "<pre><code>not prose at all, a long line of configuration text</code></pre>"
                   + "<div class=\"footnotes\"><ol><li>Smith J. A very long reference title with many academic words. 2020.</li></ol></div>";

        var report = Readability.Analyze(html);

        Assert.Equal(3, report.Sentences);
        Assert.Equal(8, report.Words);
    }

    [Fact]
    public void An_empty_text_scores_nothing()
    {
        Assert.Equal(new ReadabilityReport(0, 0, 0, 0, 0), Readability.Analyze(""));
    }
}
