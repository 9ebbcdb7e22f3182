namespace ClinicBlog.Core.Search;

/// <summary>A search hit: the post and a snippet whose matched words are wrapped in &lt;mark&gt;.
/// <see cref="SnippetHtml"/> is HTML-encoded text apart from those marks.</summary>
public sealed record SearchHit(int Id, string Title, string Slug, string? Summary, DateTime PublishedAt, string SnippetHtml);
