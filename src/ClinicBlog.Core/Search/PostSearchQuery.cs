using System.Net;
using System.Text.RegularExpressions;
using ClinicBlog.Core.Data;
using ClinicBlog.Core.Paging;
using ClinicBlog.Core.Posts;
using Microsoft.EntityFrameworkCore;

namespace ClinicBlog.Core.Search;

/// <summary>Full-text search over visible posts with SQLite FTS5, ranked by bm25 with the title
/// weighted highest. The body column holds the text readers see (<see cref="Post.SearchText"/>), so
/// snippets quote the article, never its markup or what the sanitizer removed. Whatever a reader types is turned into quoted terms, so no input can be read as
/// FTS5 syntax (quotes, NEAR, *, -, parentheses) or cause an error.</summary>
public sealed partial class PostSearchQuery(BlogDbContext db, TimeProvider clock)
{
    private const char MarkStart = '\u0001';
    private const char MarkEnd = '\u0002';

    /// <summary>Turns free text into an FTS5 query of quoted terms (all must match; the last may be a
    /// prefix), or null when there is nothing to search for.</summary>
    public static string? ToMatchExpression(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var terms = WordPattern().Matches(text.Length > 500 ? text[..500] : text)
            .Select(m => m.Value.ToLowerInvariant())
            .Where(t => t.Length <= 40)
            .Distinct()
            .Take(12)
            .ToList();
        if (terms.Count == 0)
        {
            return null;
        }

        var quoted = terms.Select(t => "\"" + t + "\"").ToList();
        quoted[^1] += "*";
        return string.Join(' ', quoted);
    }

    public async Task<PagedList<SearchHit>> SearchAsync(string? text, int page, int pageSize, CancellationToken cancellationToken)
    {
        var match = ToMatchExpression(text);
        if (match is null)
        {
            return new PagedList<SearchHit>([], page, pageSize, 0);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var total = await db.Database.SqlQuery<int>($"""
            SELECT COUNT(*) AS "Value"
            FROM PostSearch JOIN Posts p ON p.Id = PostSearch.rowid
            WHERE PostSearch MATCH {match} AND p.Status IN ('Published', 'Scheduled') AND p.PublishedAt <= {now}
            """).SingleAsync(cancellationToken);
        var skip = (page - 1) * pageSize;
        var rows = await db.Database.SqlQuery<SearchRow>($"""
            SELECT p.Id, p.Title, p.Slug, p.Summary, p.PublishedAt,
                   snippet(PostSearch, -1, {MarkStart.ToString()}, {MarkEnd.ToString()}, '…', 24) AS Snippet
            FROM PostSearch JOIN Posts p ON p.Id = PostSearch.rowid
            WHERE PostSearch MATCH {match} AND p.Status IN ('Published', 'Scheduled') AND p.PublishedAt <= {now}
            ORDER BY bm25(PostSearch, 10.0, 4.0, 1.0, 6.0), p.PublishedAt DESC
            LIMIT {pageSize} OFFSET {skip}
            """).ToListAsync(cancellationToken);
        var hits = rows.Select(r => new SearchHit(
            r.Id, r.Title, r.Slug, r.Summary, DateTime.SpecifyKind(r.PublishedAt, DateTimeKind.Utc), Highlight(r.Snippet))).ToList();
        return new PagedList<SearchHit>(hits, page, pageSize, total);
    }

    private static string Highlight(string? snippet) =>
        WebUtility.HtmlEncode(snippet ?? string.Empty)
            .Replace(MarkStart.ToString(), "<mark>", StringComparison.Ordinal)
            .Replace(MarkEnd.ToString(), "</mark>", StringComparison.Ordinal);

    [GeneratedRegex(@"[\p{L}\p{N}]+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex WordPattern();

    private sealed record SearchRow(int Id, string Title, string Slug, string? Summary, DateTime PublishedAt, string? Snippet);
}
