using System.Net;

namespace ClinicBlog.Web.Tests;

/// <summary>The editor's preview reports how hard the text is to read, against the clinic's target.</summary>
public sealed class ReadabilityPreviewTests(BlogFactory factory) : IClassFixture<BlogFactory>
{
    public const string HardText =
        "Intravenous ketamine administration necessitates comprehensive cardiovascular monitoring, meticulous psychiatric evaluation "
        + "and individualized dosing considerations throughout the therapeutic intervention, particularly for individuals presenting "
        + "with hypertension or concurrent pharmacological treatments. Patients are given detailed instructions.";

    /// <summary>About grade 11: above the default target of 8, well within 20.</summary>
    public const string MediumText =
        "Ketamine infusions can ease depression that has not responded to other medicines. Your clinician will check your blood "
        + "pressure and breathing throughout the treatment, which usually lasts about forty minutes.";

    [Fact]
    public async Task A_hard_text_is_flagged_above_the_target_and_can_still_be_saved()
    {
        using var admin = await factory.SignedInAdminAsync();
        var form = (await admin.GetDocumentAsync("/admin/posts/new")).Form(".editor-form");

        using var preview = await admin.SubmitAsync(form, new Dictionary<string, string> { ["Title"] = "Hard words", ["Body"] = HardText }, "button[value=preview]");
        var report = (await Html.ParseAsync(preview)).QuerySelector("[data-readability]")!;

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("notice-warn", report.ClassList);
        Assert.True(double.Parse(report.GetAttribute("data-grade")!, System.Globalization.CultureInfo.InvariantCulture) > 8);
        Assert.Contains("grade 8 or below", report.TextContent, StringComparison.Ordinal);
        Assert.Equal("1", report.QuerySelector("[data-long-sentences]")!.GetAttribute("data-long-sentences"));
        Assert.Equal("1", report.QuerySelector("[data-passive-sentences]")!.GetAttribute("data-passive-sentences"));

        var again = (await Html.ParseAsync(preview)).Form(".editor-form");
        await admin.SubmitExpectingSuccessAsync(again, null, "button[value=save]");
    }

    [Fact]
    public async Task Plain_words_are_within_the_target()
    {
        using var admin = await factory.SignedInAdminAsync();
        var form = (await admin.GetDocumentAsync("/admin/posts/new")).Form(".editor-form");

        using var preview = await admin.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Title"] = "Plain words",
            ["Body"] = "## After your visit\n\nRest for the day. Drink water. Call us if you feel unwell.",
        }, "button[value=preview]");
        var report = (await Html.ParseAsync(preview)).QuerySelector("[data-readability]")!;

        Assert.DoesNotContain("notice-warn", report.ClassList);
        Assert.Contains("Within the target.", report.TextContent, StringComparison.Ordinal);
    }
}

/// <summary>The target comes from <c>Blog:Posts:TargetReadingGrade</c>.</summary>
public sealed class ReadabilityTargetTests(ReadabilityTargetTests.Factory factory) : IClassFixture<ReadabilityTargetTests.Factory>
{
    public sealed class Factory : BlogFactory
    {
        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Blog:Posts:TargetReadingGrade"] = "20" };
    }

    [Fact]
    public async Task A_higher_target_accepts_a_text_the_default_target_flags()
    {
        using var admin = await factory.SignedInAdminAsync();
        var form = (await admin.GetDocumentAsync("/admin/posts/new")).Form(".editor-form");

        using var preview = await admin.SubmitAsync(form, new Dictionary<string, string> { ["Title"] = "Medium words", ["Body"] = ReadabilityPreviewTests.MediumText }, "button[value=preview]");
        var report = (await Html.ParseAsync(preview)).QuerySelector("[data-readability]")!;

        Assert.DoesNotContain("notice-warn", report.ClassList);
        Assert.Contains("grade 20 or below", report.TextContent, StringComparison.Ordinal);
        Assert.InRange(double.Parse(report.GetAttribute("data-grade")!, System.Globalization.CultureInfo.InvariantCulture), 9, 14);
    }
}
