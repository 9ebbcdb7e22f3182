namespace ClinicBlog.Core.Pages;

/// <summary>The page form as typed.</summary>
public class PageInput
{
    public string? Title { get; set; }

    public string? Slug { get; set; }

    public string? Summary { get; set; }

    public string? Body { get; set; }

    public PageStatus Status { get; set; }

    public int? ReviewerId { get; set; }

    public DateTime? ReviewedAt { get; set; }

    public void CopyFrom(PageInput other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Title = other.Title;
        Slug = other.Slug;
        Summary = other.Summary;
        Body = other.Body;
        Status = other.Status;
        ReviewerId = other.ReviewerId;
        ReviewedAt = other.ReviewedAt;
    }
}
