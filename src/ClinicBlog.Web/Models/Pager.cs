namespace ClinicBlog.Web.Models;

/// <summary>The links under a paged list, drawn by the one partial <c>_Pager</c>.</summary>
/// <param name="Page">The page shown.</param>
/// <param name="TotalPages">How many pages there are; no pager is drawn for one.</param>
/// <param name="UrlFor">The address of a page (page 1 is usually the list's own address).</param>
/// <param name="Previous">The label of the link back, such as "Newer articles".</param>
/// <param name="Next">The label of the link on, such as "Older articles".</param>
/// <param name="Label">What the navigation is called for screen readers.</param>
/// <param name="Status">What the pages are, as in "Page 2 of 5" or "Comments page 2 of 5".</param>
public sealed record Pager(int Page, int TotalPages, Func<int, string?> UrlFor, string Previous, string Next, string Label = "Pages", string Status = "Page");
