using System.Net;
using ClinicBlog.Core.Comments;

namespace ClinicBlog.Core.Tests;

public class CommentScreeningTests
{
    private readonly CommentOptions _options = new() { BlockedWords = ["casino", "pills.example"] };

    [Fact]
    public void An_ordinary_comment_is_held_for_moderation_without_a_reason()
    {
        var verdict = CommentScreening.Screen("Ann", "Thanks for the clear explanation.", false, false, _options);

        Assert.Equal(new ScreeningVerdict(CommentStatus.Pending, false, []).Status, verdict.Status);
        Assert.False(verdict.IsUrgent);
        Assert.Null(verdict.ReasonText);
    }

    [Fact]
    public void The_honeypot_wins_over_everything()
    {
        var verdict = CommentScreening.Screen("Bot", "I want to end my life", true, false, _options);

        Assert.Equal(CommentStatus.Spam, verdict.Status);
        Assert.False(verdict.IsUrgent);
    }

    [Theory]
    [InlineData("I have been thinking about suicide", "suicide")]
    [InlineData("Sometimes I want to KILL MYSELF", "kill myself")]
    [InlineData("I took an overdose last year", "overdose")]
    public void Crisis_words_make_a_comment_urgent_and_keep_it_out_of_spam(string body, string word)
    {
        var verdict = CommentScreening.Screen("Someone", body + " casino", false, true, _options);

        Assert.Equal(CommentStatus.Pending, verdict.Status);
        Assert.True(verdict.IsUrgent);
        Assert.StartsWith("crisis words: " + word, verdict.ReasonText, StringComparison.Ordinal);
        Assert.Contains("banned commenter", verdict.ReasonText, StringComparison.Ordinal);
    }

    [Fact]
    public void Configured_crisis_words_replace_the_defaults()
    {
        var options = new CommentOptions { CrisisWords = ["hopeless"] };

        Assert.True(CommentScreening.Screen("A", "I feel hopeless", false, false, options).IsUrgent);
        Assert.False(CommentScreening.Screen("A", "suicide prevention month", false, false, options).IsUrgent);
    }

    [Theory]
    [InlineData("one https://a.example", 1)]
    [InlineData("http://a.example www.b.example [x](https://c.example)", 3)]
    [InlineData("no links at all", 0)]
    public void Links_are_counted(string body, int links)
    {
        Assert.Equal(links, CommentScreening.CountLinks(body));
    }

    [Fact]
    public void Blocked_words_and_bans_send_to_spam_with_their_reasons()
    {
        Assert.Equal("blocked words: casino", CommentScreening.Screen("Casino King", "hello", false, false, _options).ReasonText);
        Assert.Equal(CommentStatus.Spam, CommentScreening.Screen("A", "hello", false, true, _options).Status);
    }

    [Theory]
    [InlineData("Call me on (555) 123-4567", true)]
    [InlineData("My number is +44 20 7946 0958", true)]
    [InlineData("write to jane.doe@example.org please", true)]
    [InlineData("I took 20 mg for 3 weeks in 2023", false)]
    [InlineData("Thanks for sharing!", false)]
    public void Contact_details_are_flagged(string body, bool flagged)
    {
        Assert.Equal(flagged, ContactDetailsDetector.LooksLikeContactDetails(body));
    }

    [Fact]
    public void Ip_hashes_are_salted_stable_and_do_not_contain_the_address()
    {
        var hasher = new CommenterIpHasher([1, 2, 3, 4]);
        var other = new CommenterIpHasher([5, 6, 7, 8]);
        var address = IPAddress.Parse("203.0.113.9");

        var hash = hasher.Hash(address)!;

        Assert.Equal(64, hash.Length);
        Assert.Equal(hash, hasher.Hash(IPAddress.Parse("203.0.113.9")));
        Assert.Equal(hash, hasher.Hash(address.MapToIPv6()));
        Assert.NotEqual(hash, other.Hash(address));
        Assert.DoesNotContain("203", hash, StringComparison.Ordinal);
        Assert.Null(hasher.Hash(null));
    }

    [Fact]
    public void A_generated_salt_is_kept_and_reused()
    {
        var file = Path.Combine(Path.GetTempPath(), "salt-" + Guid.NewGuid().ToString("N"));
        try
        {
            var first = CommenterIpHasher.LoadOrCreateSalt(null, file);
            var second = CommenterIpHasher.LoadOrCreateSalt("", file);

            Assert.Equal(32, first.Length);
            Assert.Equal(first, second);
            Assert.NotEqual(first, CommenterIpHasher.LoadOrCreateSalt("configured", file));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
