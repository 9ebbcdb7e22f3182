using ClinicBlog.Core.Content;

namespace ClinicBlog.Core.Tests;

public class SlugGeneratorTests
{
    [Theory]
    [InlineData("What Is Ketamine IV Treatment", "what-is-ketamine-iv-treatment")]
    [InlineData("Mental Health", "mental-health")]
    [InlineData("  Self-harm:  what to   do?  ", "self-harm-what-to-do")]
    [InlineData("The clinic’s new café", "the-clinics-new-cafe")]
    [InlineData("Ärzte & Öffnungszeiten", "arzte-offnungszeiten")]
    [InlineData("COVID-19 (2024) update", "covid-19-2024-update")]
    [InlineData("<script>alert(1)</script>", "script-alert-1-script")]
    public void Makes_lowercase_hyphenated_ascii(string title, string expected)
    {
        Assert.Equal(expected, SlugGenerator.Generate(title));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("!!! ??? ---")]
    [InlineData("日本語")]
    public void Returns_empty_when_nothing_usable(string? title)
    {
        Assert.Equal(string.Empty, SlugGenerator.Generate(title));
    }

    [Fact]
    public void Long_titles_are_cut_at_a_word_boundary()
    {
        var slug = SlugGenerator.Generate(string.Join(' ', Enumerable.Repeat("treatment", 30)));

        Assert.True(slug.Length <= SlugGenerator.MaxLength);
        Assert.EndsWith("treatment", slug, StringComparison.Ordinal);
        Assert.DoesNotContain("--", slug, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("what-is-ketamine", true)]
    [InlineData("What-Is", false)]
    [InlineData("a--b", false)]
    [InlineData("-a", false)]
    [InlineData("", false)]
    public void Recognises_valid_slugs(string slug, bool valid)
    {
        Assert.Equal(valid, SlugGenerator.IsValid(slug));
    }
}
