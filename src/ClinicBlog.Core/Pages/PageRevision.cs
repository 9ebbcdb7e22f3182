namespace ClinicBlog.Core.Pages;

/// <summary>A page's earlier words, kept at each save that changed them.</summary>
public class PageRevision
{
    public int Id { get; set; }

    public int PageId { get; set; }

    public Page Page { get; set; } = null!;

    public required string Title { get; set; }

    public string? Summary { get; set; }

    public required string Body { get; set; }

    public DateTime CreatedAt { get; set; }

    public string? CreatedById { get; set; }
}
