using System.Globalization;

namespace ClinicBlog.Web.Models;

/// <summary>What a page says after a staff action sent the browser to it (Post/Redirect/Get): the
/// redirect carries one of these codes in <c>?done=</c>, and this is the one place codes become words.
/// An unknown code says nothing.</summary>
public static class Notices
{
    public const string PostSaved = "saved";
    public const string RedirectSaved = "redirect-saved";
    public const string PageDeleted = "page-deleted";
    public const string MenuChanged = "menu-changed";
    public const string SettingsSaved = "settings-saved";
    public const string RedirectDeleted = "redirect-deleted";
    public const string PostSubmitted = "submitted";
    public const string PostRestored = "restored";
    public const string PostDeleted = "deleted";
    public const string ChangesPublished = "changes-published";
    public const string ChangesDiscarded = "changes-discarded";
    public const string SignedOff = "signed-off";
    public const string CommentsNone = "none";
    public const string CommentReplied = "reply";
    public const string CommentRedacted = "redacted";
    public const string SenderBanned = "ban";
    public const string PasswordChanged = "password";
    public const string TwoFactorOn = "2fa-on";
    public const string TwoFactorOff = "2fa-off";
    public const string NotificationChoicesSaved = "notifications-saved";
    public const string TestMessageQueued = "test";
    public const string TestMessageRecorded = "test-recorded";
    public const string MessageRetried = "retry";
    public const string AccountUpdated = "updated";
    public const string AccountLocked = "locked";
    public const string AccountUnlocked = "unlocked";
    public const string TwoFactorReset = "two-factor-reset";
    public const string CommenterAnonymised = "anonymised";
    public const string CommenterDeleted = "comments-deleted";

    /// <summary>The code a moderation action's redirect carries: "approve", "reject", "spam" or "delete".</summary>
    public static string Moderated(Core.Comments.ModerationAction action) => action.ToString().ToLowerInvariant();

    private static readonly Dictionary<string, string> Messages = new(StringComparer.Ordinal)
    {
        [PostSaved] = "Saved.",
        [SettingsSaved] = "Saved: every page shows the new settings now.",
        [MenuChanged] = "Saved: readers see the new links now.",
        [PageDeleted] = "The page is deleted: its address now answers “not found”.",
        [RedirectSaved] = "Saved: the old address now answers with the new one.",
        [RedirectDeleted] = "Removed: that old address no longer redirects.",
        [PostSubmitted] = "Submitted for review. An editor or admin will publish it once a reviewer has signed it off.",
        [ChangesPublished] = "The changes are live: readers now see the reviewed text, with its review line and today as “Last updated”.",
        [ChangesDiscarded] = "The pending changes are discarded; their text stays in the revisions below.",
        [PostRestored] = "The earlier version is back; the text it replaced is kept as a revision.",
        [PostDeleted] = "The post was deleted.",
        [SignedOff] = "Signed off: your review covers exactly the text below.",
        ["approve"] = "Approved. The comments now show on their posts.",
        ["reject"] = "Rejected.",
        ["spam"] = "Marked as spam.",
        ["delete"] = "Deleted.",
        [CommentReplied] = "Your reply is published.",
        [SenderBanned] = "The sender is banned; their later comments go straight to spam.",
        [CommentsNone] = "Nothing was selected, or the comments no longer exist.",
        [CommentRedacted] = "The passage is removed.",
        [PasswordChanged] = "Your password is changed.",
        [TwoFactorOn] = "Two-factor sign-in is on. You will be asked for a code from your app when you sign in.",
        [TwoFactorOff] = "Two-factor sign-in is off.",
        [NotificationChoicesSaved] = "Your notification choices are saved.",
        [TestMessageQueued] = "The test message is queued; it is sent within a few seconds. Its state shows below.",
        [TestMessageRecorded] = "The test message is recorded below, but no SMTP server is configured, so it is not sent.",
        [MessageRetried] = "The message is queued again.",
        [AccountUpdated] = "Saved.",
        [AccountLocked] = "The account is locked; its sessions end at their next request.",
        [AccountUnlocked] = "The account is unlocked.",
        [TwoFactorReset] = "Two-factor sign-in is off for that account, and its old key no longer works. They set it up again under Account security.",
        [CommenterAnonymised] = "{0} comment(s) anonymised: name “Anonymous”, no email, no IP hash.",
        [CommenterDeleted] = "{0} comment(s) deleted.",
    };

    /// <summary>The message for <paramref name="done"/>; <paramref name="count"/> fills in how many, where the message says.</summary>
    public static string? For(string? done, int? count = null) =>
        done is not null && Messages.TryGetValue(done, out var message)
            ? string.Format(CultureInfo.InvariantCulture, message, count ?? 0)
            : null;
}
