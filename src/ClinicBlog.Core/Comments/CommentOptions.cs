using System.ComponentModel.DataAnnotations;

namespace ClinicBlog.Core.Comments;

/// <summary>Comment limits and spam rules, bound from <c>Blog:Comments</c>. Every rule leaves a reason on the comment.</summary>
public sealed class CommentOptions
{
    public const string Section = "Blog:Comments";

    /// <summary>Longest accepted name.</summary>
    public const int MaxNameLength = 80;

    /// <summary>Longest accepted comment body.</summary>
    public const int MaxBodyLength = 5_000;

    /// <summary>Longest accepted email address (RFC 5321).</summary>
    public const int MaxEmailLength = 254;

    /// <summary>A comment with more links than this is held with a reason (it is held for moderation anyway).</summary>
    [Range(0, 100)]
    public int MaxLinks { get; set; } = 2;

    /// <summary>Words or domains that send a comment straight to Spam (case-insensitive substring match).</summary>
    public IList<string> BlockedWords { get; set; } = [];

    /// <summary>Words that mark a comment Urgent: never auto-published nor auto-deleted, top of the queue.
    /// When empty, <see cref="DefaultCrisisWords"/> apply.</summary>
    public IList<string> CrisisWords { get; set; } = [];

    /// <summary>The crisis words used when none are configured.</summary>
    public static IReadOnlyList<string> DefaultCrisisWords { get; } =
    [
        "kill myself", "killing myself", "end my life", "ending my life", "suicide", "suicidal",
        "overdose", "want to die", "self-harm", "self harm", "hurt myself", "cut myself", "no reason to live",
    ];

    /// <summary>The same body posted again to the same post within this many minutes is refused as a duplicate.</summary>
    [Range(0, 10_080)]
    public int DuplicateWindowMinutes { get; set; } = 10;

    /// <summary>Comments close this many days after a post is published; empty means never.</summary>
    [Range(1, 36_500)]
    public int? CloseAfterDays { get; set; }

    /// <summary>Comment posts allowed per client in <see cref="RateLimitWindowSeconds"/>.</summary>
    [Range(1, 100_000)]
    public int RateLimitPermits { get; set; } = 5;

    /// <summary>The rate-limit window, in seconds.</summary>
    [Range(1, 86_400)]
    public int RateLimitWindowSeconds { get; set; } = 60;

    /// <summary>Secret salt for hashing commenters' IP addresses; when empty one is generated and kept in the data directory.</summary>
    public string? IpHashSalt { get; set; }

    /// <summary>IP hashes are cleared from comments older than this many days.</summary>
    [Range(1, 3_650)]
    public int IpHashRetentionDays { get; set; } = 90;

    /// <summary>Ready-made staff replies offered in the moderation queue. When empty, <see cref="DefaultCannedReplies"/> apply.</summary>
    public IList<CannedReply> CannedReplies { get; set; } = [];

    /// <summary>Replies that point people to help without discussing anyone's care.</summary>
    public static IReadOnlyList<CannedReply> DefaultCannedReplies { get; } =
    [
        new() { Title = "Crisis resources", Text = "Thank you for reaching out. If you are in crisis or thinking about suicide, please call or text 988 (US) or your local emergency number now. You deserve support, and help is available around the clock." },
        new() { Title = "No medical advice here", Text = "Thank you for your question. We can't give medical advice in the comments or discuss anyone's care here. Please contact the clinic directly or speak with your own clinician." },
        new() { Title = "Thanks", Text = "Thank you for taking the time to share your thoughts." },
    ];

    public IReadOnlyList<string> EffectiveCrisisWords => CrisisWords.Count > 0 ? [.. CrisisWords] : DefaultCrisisWords;

    public IReadOnlyList<CannedReply> EffectiveCannedReplies => CannedReplies.Count > 0 ? [.. CannedReplies] : DefaultCannedReplies;
}
