namespace ClinicBlog.Core.Settings;

/// <summary>The settings form as typed (numbers as text, so a wrong one is shown back with a message).</summary>
public class SettingsInput
{
    public string? Title { get; set; }

    public string? Description { get; set; }

    public string? Publisher { get; set; }

    public string? Logo { get; set; }

    public string? PageSize { get; set; }

    public string? MedicalDisclaimer { get; set; }

    public string? CrisisNotice { get; set; }

    public string? CrisisTags { get; set; }

    public string? PrivacyNotice { get; set; }

    public string? CommentPolicy { get; set; }

    public string? CommentsCloseAfterDays { get; set; }

    public string? CommentsMaxLinks { get; set; }

    public void CopyFrom(SettingsInput other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Title = other.Title;
        Description = other.Description;
        Publisher = other.Publisher;
        Logo = other.Logo;
        PageSize = other.PageSize;
        MedicalDisclaimer = other.MedicalDisclaimer;
        CrisisNotice = other.CrisisNotice;
        CrisisTags = other.CrisisTags;
        PrivacyNotice = other.PrivacyNotice;
        CommentPolicy = other.CommentPolicy;
        CommentsCloseAfterDays = other.CommentsCloseAfterDays;
        CommentsMaxLinks = other.CommentsMaxLinks;
    }
}
